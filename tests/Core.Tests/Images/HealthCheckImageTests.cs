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

    public static readonly HealthCheckDecisionRecord Decision = new() { RuntimeIdentifier = "linux-x64", Healthcheck = ConfigHealthcheck.ToJson(Probe) };

    /// <summary>A config as the SDK writes it, with the fields ContainerHealth does not own: labels, ports, history, a
    /// base image's own Healthcheck, characters JSON may escape, numbers of every size.</summary>
    private const string RichSdkConfig = """{"architecture":"arm64","variant":"v8","os":"linux","created":"2026-11-25T10:28:04.1234567Z","author":"Zoë <ops@example.test>","config":{"User":"app","ExposedPorts":{"8080/tcp":{}},"Env":["PATH=/usr/local/sbin:/usr/bin","ASPNETCORE_HTTP_PORTS=8080","GREETING=héllo & \"bye\""],"Entrypoint":["dotnet","/app/app.dll"],"Cmd":null,"WorkingDir":"/app/","Labels":{"org.opencontainers.image.source":"https://example.test/app","org.opencontainers.image.created":"2026-11-25T10:28:04Z"},"StopSignal":"SIGTERM","Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/ || exit 1"],"Interval":1000000000}},"rootfs":{"type":"layers","diff_ids":["sha256:18918c9cda1ca8c566da1f051137ba79b21c05dcce4e0c612495c14aef584427","sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765"]},"history":[{"created":"2026-11-01T00:00:00Z","created_by":"/bin/sh -c #(nop) ADD file:abc in / ","empty_layer":false},{"created":"2026-11-25T10:28:04Z","created_by":".NET SDK","comment":"size 9007199254740993"}],"os.features":["win32k"],"unknown.future.field":{"nested":[1,2.5,-3e7,9007199254740993,true,null]}}""";

    [Fact]
    public void Writes_Dockers_Healthcheck_in_nanoseconds()
    {
        var config = JsonNode.Parse(HealthCheckImage.FinalConfig(SdkConfig, Decision).Config)!;

        var healthcheck = config["config"]!["Healthcheck"]!;
        Assert.Equal("""["CMD","/app/healthprobe","--path","/healthz"]""", healthcheck["Test"]!.ToJsonString());
        Assert.Equal(30_000_000_000, healthcheck["Interval"]!.GetValue<long>());
        Assert.Equal(5_000_000_000, healthcheck["Timeout"]!.GetValue<long>());
        Assert.Null(healthcheck["StartPeriod"]);
        Assert.Equal(5_000_000_000, healthcheck["StartInterval"]!.GetValue<long>());
        Assert.Equal(3, healthcheck["Retries"]!.GetValue<int>());
        Assert.Equal(Probe, ConfigHealthcheck.Read(config.ToJsonString()));
    }

    [Fact]
    public void Every_field_of_the_SDKs_config_but_the_Healthcheck_is_kept_as_it_was()
    {
        var final = JsonNode.Parse(HealthCheckImage.FinalConfig(RichSdkConfig, Decision).Config)!.AsObject();

        Assert.True(JsonNode.DeepEquals(Decision.Healthcheck, final["config"]!["Healthcheck"]));
        final["config"]!.AsObject().Remove("Healthcheck");
        var sdk = JsonNode.Parse(RichSdkConfig)!.AsObject();
        sdk["config"]!.AsObject().Remove("Healthcheck");
        Assert.True(JsonNode.DeepEquals(sdk, final), final.ToJsonString());
        Assert.Equal(sdk.Select(p => p.Key), final.Select(p => p.Key));
    }

    [Fact]
    public void A_config_without_a_config_object_gets_one_for_the_Healthcheck()
    {
        var final = JsonNode.Parse(HealthCheckImage.FinalConfig("""{"architecture":"amd64","os":"linux"}""", Decision).Config)!;

        Assert.Equal(Probe, ConfigHealthcheck.Read(final.ToJsonString()));
        Assert.Equal("amd64", final["architecture"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_SDK_config_and_decision_give_the_same_bytes_and_digests_every_time()
    {
        var first = HealthCheckImage.Create(RichSdkConfig, SdkManifest(RichSdkConfig), Decision);
        var second = HealthCheckImage.Create(RichSdkConfig, SdkManifest(RichSdkConfig), Decision with { });

        Assert.Equal(first, second);
        Assert.Equal(first.Config, HealthCheckImage.FinalConfig(RichSdkConfig, Decision).Config);
        Assert.Equal(first.ConfigDigest, HealthCheckImage.FinalConfig(RichSdkConfig, Decision).Digest);
    }

    [Fact]
    public void A_decision_read_back_from_its_file_gives_the_bytes_the_inner_build_wrote()
    {
        // The inner build, the outer build of a multi-RID publish and the archive rewrite each read the record from disk.
        using var directory = new TemporaryDirectory();
        var file = directory.File("linux-x64.json");
        HealthCheckDecisionFile.Write(file, HealthCheckDecisionRecord.From(
            new HealthCheckDecision { Definition = Probe }, new HealthCheckSettings(), new ContainerFacts { RuntimeIdentifier = "linux-x64" }, ""));

        var fromFile = HealthCheckImage.Create(RichSdkConfig, SdkManifest(RichSdkConfig), HealthCheckDecisionFile.Read(file)!);

        Assert.Equal(HealthCheckImage.Create(RichSdkConfig, SdkManifest(RichSdkConfig), Decision), fromFile);
    }

    [Fact]
    public void A_decision_without_a_HEALTHCHECK_is_refused_with_its_runtime_identifier()
    {
        var error = Assert.Throws<InvalidDataException>(() => HealthCheckImage.FinalConfig(SdkConfig, Decision with { Healthcheck = null }));

        Assert.Contains("linux-x64", error.Message);
    }

    [Fact]
    public void Manifest_points_at_the_new_config_and_keeps_the_layers()
    {
        var image = HealthCheckImage.Create(SdkConfig, SdkManifest(SdkConfig), Decision);

        var manifest = JsonNode.Parse(image.Manifest)!;
        Assert.Equal(image.ConfigDigest, manifest["config"]!["digest"]!.GetValue<string>());
        Assert.Equal(image.ConfigBytes.Length, manifest["config"]!["size"]!.GetValue<long>());
        Assert.Equal(ContentDigest.Compute(image.ConfigBytes), image.ConfigDigest);
        Assert.Equal(ContentDigest.Compute(image.ManifestBytes), image.ManifestDigest);
        Assert.Equal(["sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765"], ManifestConfig.LayerDigests(image.Manifest));
        Assert.Equal(ImageMediaTypes.OciManifest, image.ManifestMediaType);
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
