using System.IO.Compression;
using System.Security.Cryptography;
using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// The static probe binaries exactly as users get them: tools/probe/&lt;rid&gt;/healthprobe from the packed nupkg,
/// extracted once per package.
/// </summary>
public static class ShippedProbe
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? directory;

    public static async Task<string> PathForAsync(string rid)
    {
        await Gate.WaitAsync();
        try
        {
            directory ??= await ExtractAsync();
        }
        finally
        {
            Gate.Release();
        }

        return System.IO.Path.Combine(directory, rid, "healthprobe");
    }

    /// <summary>Extracts into artifacts/, keyed by the package's hash: reused while the package is unchanged.</summary>
    private static async Task<string> ExtractAsync()
    {
        var package = await ContainerHealthPackage.GetAsync();
        await using var packageStream = File.OpenRead(package);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(packageStream))[..16];
        var target = RepositoryLayout.Path("artifacts", "probe-tests", hash);
        if (Directory.Exists(target))
        {
            return target;
        }

        var staging = target + "." + Guid.NewGuid().ToString("N")[..8];
        using (var archive = ZipFile.OpenRead(package))
        {
            foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("tools/probe/", StringComparison.Ordinal)))
            {
                var path = System.IO.Path.Combine(staging, entry.FullName["tools/probe/".Length..]);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path);
                // A nupkg stores no file modes.
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another test process got there first with the same files.
            Directory.Delete(staging, recursive: true);
        }

        return target;
    }
}
