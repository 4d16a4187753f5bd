using System.Formats.Tar;
using ContainerHealth.Images;
using ContainerHealth.Inspection.Sources;
using ContainerHealth.Registry;

namespace ContainerHealth.Verify;

/// <summary>
/// Docker before 25 loads only docker-archives (<c>docker save</c>'s manifest.json), while the SDK writes an OCI layout
/// tarball for OCI base images. This rewrites one platform of an OCI archive as a docker-archive over the same config
/// and layer blobs (docker load decompresses layers itself); the original archive is untouched.
/// </summary>
public static class DockerArchive
{
    /// <summary>Whether the archive lacks docker save's manifest.json (an OCI layout tarball), which Docker 20.10 needs to load it.</summary>
    public static bool IsOciArchive(string archive)
    {
        using var files = TarImageFiles.Read(archive);
        return !files.Exists("manifest.json");
    }

    public static void FromOciArchive(string archive, string destination, string repoTag, string? platform)
    {
        using var source = LocalImageSource.Open(archive) ?? throw new InvalidDataException($"{archive} does not exist");
        var image = source.Images.Count == 1 ? source.Images[0] : source.Select((platform is null ? null : Platform.Parse(platform)) ?? new Platform("linux", "amd64"));
        using var output = File.Create(destination);
        using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: false);
        var layers = new List<string>();
        for (var i = 0; i < image.LayerFiles.Count; i++)
        {
            var name = $"layer{i}.tar";
            layers.Add(name);
            Copy(source, image.LayerFiles[i], name, tar);
        }

        Copy(source, image.ConfigFile, "config.json", tar);
        DockerSaveManifest.Write(tar, "config.json", [repoTag], layers);
    }

    private static void Copy(LocalImageSource source, string file, string name, TarWriter tar)
    {
        // The blob streams straight from the source archive: TarWriter takes an unseekable entry over a seekable output.
        using var blob = source.OpenFile(file);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = blob });
    }
}
