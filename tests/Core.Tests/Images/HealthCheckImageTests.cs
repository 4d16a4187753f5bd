using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Images;

[Trait("Tier", "Unit")]
public sealed class HealthCheckImageTests
{
    public static readonly HealthCheckDefinition Probe = new(
        ["CMD", "/app/healthprobe", "--path", "/healthz"],
        DockerDuration.FromSeconds(30), DockerDuration.FromSeconds(5), DockerDuration.Zero, DockerDuration.FromSeconds(5), 3);

    public const string SdkConfig = """{"config":{"User":"1654","Env":["ASPNETCORE_HTTP_PORTS=8080"],"WorkingDir":"/app/","Entrypoint":["dotnet","/app/app.dll"]},"created":"2026-11-25T10:28:04Z","rootfs":{"type":"layers","diff_ids":["sha256:18918c9cda1ca8c566da1f051137ba79b21c05dcce4e0c612495c14aef584427"]},"architecture":"amd64","os":"linux"}""";

    public static string SdkManifest(string config) =>
        $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":{{Encoding.UTF8.GetByteCount(config)}},"digest":"{{ContentDigest.Compute(Encoding.UTF8.GetBytes(config))}}"},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":1083959,"digest":"sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765"}]}""";

    [Fact]
    public void Writes_Dockers_Healthcheck_in_nanoseconds_and_keeps_every_other_field()
    {
        var config = JsonNode.Parse(ConfigHealthcheck.Apply(SdkConfig, Probe))!;

        var healthcheck = config["config"]!["Healthcheck"]!;
        Assert.Equal("""["CMD","/app/healthprobe","--path","/healthz"]""", healthcheck["Test"]!.ToJsonString());
        Assert.Equal(30_000_000_000, healthcheck["Interval"]!.GetValue<long>());
        Assert.Equal(5_000_000_000, healthcheck["Timeout"]!.GetValue<long>());
        Assert.Null(healthcheck["StartPeriod"]);
        Assert.Equal(5_000_000_000, healthcheck["StartInterval"]!.GetValue<long>());
        Assert.Equal(3, healthcheck["Retries"]!.GetValue<int>());
        Assert.Equal("1654", config["config"]!["User"]!.GetValue<string>());
        Assert.Equal("""["dotnet","/app/app.dll"]""", config["config"]!["Entrypoint"]!.ToJsonString());
        Assert.Equal("amd64", config["architecture"]!.GetValue<string>());
        Assert.Equal(Probe, ConfigHealthcheck.Read(config.ToJsonString()));
    }

    [Fact]
    public void Manifest_points_at_the_new_config_and_keeps_the_layers()
    {
        var image = HealthCheckImage.Create(SdkConfig, SdkManifest(SdkConfig), Probe);

        var manifest = JsonNode.Parse(image.Manifest)!;
        Assert.Equal(image.ConfigDigest, manifest["config"]!["digest"]!.GetValue<string>());
        Assert.Equal(image.ConfigBytes.Length, manifest["config"]!["size"]!.GetValue<long>());
        Assert.Equal(ContentDigest.Compute(image.ConfigBytes), image.ConfigDigest);
        Assert.Equal(ContentDigest.Compute(image.ManifestBytes), image.ManifestDigest);
        Assert.Equal(["sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765"], ManifestConfig.LayerDigests(image.Manifest));
        Assert.Equal(ImageMediaTypes.OciManifest, image.ManifestMediaType);
    }

    [Fact]
    public void Same_input_gives_the_same_digests()
    {
        var first = HealthCheckImage.Create(SdkConfig, SdkManifest(SdkConfig), Probe);
        var second = HealthCheckImage.Create(SdkConfig, SdkManifest(SdkConfig), Probe);

        Assert.Equal(first.ManifestDigest, second.ManifestDigest);
    }

    [Fact]
    public void Index_entries_follow_replaced_manifests_only()
    {
        var index = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":10,"digest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","platform":{"architecture":"amd64","os":"linux"}},{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":11,"digest":"sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","platform":{"architecture":"arm64","os":"linux"}}]}""";
        var replaced = IndexManifests.Replace(index, new Dictionary<string, BlobDescriptor>
        {
            ["sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] = new("sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", 99),
        });

        var entries = IndexManifests.Entries(replaced);
        Assert.Equal(("sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", 99L), (entries[0].Digest, entries[0].Size));
        Assert.Equal(("sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 11L), (entries[1].Digest, entries[1].Size));
        Assert.Contains("\"architecture\":\"arm64\"", replaced);
    }
}
