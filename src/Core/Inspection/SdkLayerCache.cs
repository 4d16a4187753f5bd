using ContainerHealth.Registry;

namespace ContainerHealth.Inspection;

/// <summary>
/// The .NET SDK keeps the base image layers it pulled in <c>~/.cache/dotnet/Containers/Content/&lt;sha256&gt;.tar.gz</c>;
/// reading a layer from there saves downloading it again. The file is still checked against its digest.
/// </summary>
public static class SdkLayerCache
{
    private static readonly string[] Extensions = [".tar.gz", ".tar", ".tar.zst", ""];

    public static IReadOnlyList<string> ContentDirectories()
    {
        var directories = new List<string>();
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
        {
            directories.Add(Path.Combine(xdg, "dotnet", "Containers", "Content"));
        }

        directories.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dotnet", "Containers", "Content"));
        return directories.Distinct().ToList();
    }

    public static string? Find(string digest, IReadOnlyList<string>? directories = null)
    {
        if (!ContentDigest.IsValid(digest))
        {
            return null;
        }

        var hex = ContentDigest.Hex(digest);
        foreach (var directory in directories ?? ContentDirectories())
        {
            foreach (var extension in Extensions)
            {
                var path = Path.Combine(directory, hex + extension);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>The cached layer as a stream that throws at its end if the bytes are not <paramref name="digest"/>.</summary>
    public static Stream Open(string path, string digest)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        return new VerifiedBlobStream(file, digest, file);
    }
}
