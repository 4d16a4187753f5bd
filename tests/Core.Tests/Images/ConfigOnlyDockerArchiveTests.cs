using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Images;
using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Images;

[Trait("Tier", "Unit")]
public sealed class ConfigOnlyDockerArchiveTests
{
    private const string LayerA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string LayerB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly string Config = $$$"""{"architecture":"amd64","os":"linux","config":{"Healthcheck":{"Test":["CMD","/app/healthprobe"]}},"rootfs":{"type":"layers","diff_ids":["{{{LayerA}}}","{{{LayerB}}}"]}}""";

    [Fact]
    public void Holds_the_config_under_its_digest_and_a_manifest_naming_every_layer_in_order()
    {
        var entries = Write(Config, ["app:t1", "app:latest"]);

        var configName = ContentDigest.Hex(ContentDigest.Compute(Encoding.UTF8.GetBytes(Config))) + ".json";
        Assert.Equal([configName, "manifest.json"], entries.Keys);
        Assert.Equal(Config, entries[configName]);
        var manifest = Assert.Single(JsonNode.Parse(entries["manifest.json"])!.AsArray())!;
        Assert.Equal(configName, manifest["Config"]!.GetValue<string>());
        Assert.Equal(["app:t1", "app:latest"], manifest["RepoTags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal([ContentDigest.Hex(LayerA) + "/layer.tar", ContentDigest.Hex(LayerB) + "/layer.tar"], manifest["Layers"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public void Image_id_is_the_digest_of_the_config_bytes()
    {
        Assert.Equal(ContentDigest.Compute(Encoding.UTF8.GetBytes(Config)), ConfigOnlyDockerArchive.ImageId(Config));
    }

    [Theory]
    [InlineData("""{"os":"linux"}""")]
    [InlineData("""{"rootfs":{"diff_ids":["not-a-digest"]}}""")]
    public void Config_without_layer_digests_is_refused(string config)
    {
        Assert.Throws<FormatException>(() => Write(config, ["app:t1"]));
    }

    private static Dictionary<string, string> Write(string config, string[] tags)
    {
        using var archive = new MemoryStream();
        ConfigOnlyDockerArchive.Write(archive, config, tags);
        archive.Position = 0;
        var entries = new Dictionary<string, string>();
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new StreamReader(entry.DataStream!);
            entries.Add(entry.Name, content.ReadToEnd());
        }

        return entries;
    }
}
