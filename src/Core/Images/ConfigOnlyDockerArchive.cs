using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// A docker-archive holding only an image config and <c>manifest.json</c>, for an engine that already has every layer the
/// config names (the SDK has just loaded the same layers under another config). Docker's <c>docker load</c> looks a
/// layer up by its chain ID before it opens the layer's file, so the layers need not be in the archive; when one is
/// missing the load fails before it tags anything.
/// </summary>
public static class ConfigOnlyDockerArchive
{
    public static void Write(Stream output, string configuration, IReadOnlyList<string> repoTags)
    {
        var config = Encoding.UTF8.GetBytes(configuration);
        var configName = ContentDigest.Hex(ContentDigest.Compute(config)) + ".json";
        var layers = DiffIds(configuration).Select(diffId => ContentDigest.Hex(diffId) + "/layer.tar").ToList();
        using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, configName)
        {
            DataStream = new MemoryStream(config),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        });
        DockerSaveManifest.Write(tar, configName, repoTags, layers);
    }

    /// <summary>The image ID Docker gives the config: the digest of its bytes.</summary>
    public static string ImageId(string configuration) => ContentDigest.Compute(Encoding.UTF8.GetBytes(configuration));

    private static IEnumerable<string> DiffIds(string configuration) =>
        (JsonNode.Parse(configuration)?["rootfs"]?["diff_ids"] as JsonArray ?? throw new FormatException("the image config has no rootfs.diff_ids"))
            .Select(d => d?.GetValue<string>() is { } diffId && ContentDigest.IsValid(diffId) ? diffId : throw new FormatException($"the image config names a layer '{d}' that is not a sha256 digest"));
}
