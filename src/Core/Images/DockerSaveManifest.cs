using System.Formats.Tar;
using System.Text.Json;

namespace ContainerHealth.Images;

/// <summary>
/// The <c>manifest.json</c> entry of a docker-archive (what <c>docker save</c> writes and <c>docker load</c> reads): one
/// image, its config file, the names to tag it with and its layer files in order.
/// </summary>
public static class DockerSaveManifest
{
    public static void Write(TarWriter tar, string configFile, IReadOnlyList<string> repoTags, IReadOnlyList<string> layerFiles)
    {
        var manifest = JsonSerializer.SerializeToUtf8Bytes([new Entry(configFile, repoTags, layerFiles)], CoreJsonContext.Plain.EntryArray);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json")
        {
            DataStream = new MemoryStream(manifest),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        });
    }

    internal sealed record Entry(string Config, IReadOnlyList<string> RepoTags, IReadOnlyList<string> Layers);
}
