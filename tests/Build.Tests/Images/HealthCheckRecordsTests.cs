using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Build.Images;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Tests.Images;

/// <summary>
/// A multi-RID publish: each inner build records the HEALTHCHECK it wrote (RecordHealthCheck), the outer build maps the
/// SDK's images to the final ones (ApplyHealthCheckRecords). Both tasks on real files in a temporary directory.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class HealthCheckRecordsTests : IDisposable
{
    private const string HealthCheck = """{"Test":["CMD","/app/healthprobe","--path","/healthz"],"Interval":30000000000,"Timeout":5000000000,"StartInterval":5000000000,"Retries":3}""";
    private const string Config = """{"architecture":"arm64","os":"linux","config":{"User":"1654"},"rootfs":{"type":"layers","diff_ids":[]}}""";

    private readonly TemporaryDirectory directory = new("ch-records-");

    [Fact]
    public void The_outer_build_finds_what_an_inner_build_recorded_and_reports_the_image_the_inner_build_wrote()
    {
        var sdkImage = SdkImage();
        var sdkDigest = sdkImage.GetMetadata("ManifestDigest");
        var decisionFile = directory.File("linux-arm64.json");
        HealthCheckDecisionFile.Write(decisionFile, new HealthCheckDecisionRecord { Healthcheck = JsonNode.Parse(HealthCheck)!.AsObject() });
        var record = new RecordHealthCheck { BuildEngine = new RecordingBuildEngine(), RecordDirectory = directory.File("images"), SdkManifestDigest = sdkDigest, DecisionFile = decisionFile };
        Assert.True(record.Execute());

        var apply = new ApplyHealthCheckRecords { BuildEngine = new RecordingBuildEngine(), RecordDirectory = directory.File("images"), GeneratedContainers = [sdkImage] };
        Assert.True(apply.Execute());

        var replacement = Assert.Single(apply.Replacements);
        Assert.Equal(sdkDigest, replacement.ItemSpec);
        Assert.Equal(decisionFile, replacement.GetMetadata("DecisionFile"));
        var final = Assert.Single(apply.FinalContainers);
        Assert.Equal(replacement.GetMetadata("NewManifestDigest"), final.GetMetadata("ManifestDigest"));
        Assert.NotEqual(sdkDigest, final.GetMetadata("ManifestDigest"));
        Assert.Equal(ConfigHealthcheck.FromJson(JsonNode.Parse(HealthCheck)!.AsObject()), ConfigHealthcheck.Read(final.GetMetadata("Configuration")));

        var inner = new CreateHealthCheckImage { BuildEngine = new RecordingBuildEngine(), Configuration = Config, Manifest = sdkImage.GetMetadata("Manifest"), DecisionFile = decisionFile };
        Assert.True(inner.Execute());
        Assert.Equal(inner.NewManifestDigest, final.GetMetadata("ManifestDigest"));
        Assert.Equal(inner.NewConfiguration, final.GetMetadata("Configuration"));
    }

    [Fact]
    public void An_image_nothing_was_recorded_for_is_reported_as_the_SDK_built_it()
    {
        var sdkImage = SdkImage();

        var apply = new ApplyHealthCheckRecords { BuildEngine = new RecordingBuildEngine(), RecordDirectory = directory.File("images"), GeneratedContainers = [sdkImage] };
        Assert.True(apply.Execute());

        Assert.Empty(apply.Replacements);
        Assert.Same(sdkImage, Assert.Single(apply.FinalContainers));
    }

    public void Dispose() => directory.Dispose();

    private static TaskItem SdkImage()
    {
        var manifest = $$"""{"schemaVersion":2,"mediaType":"{{ImageMediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":{{Encoding.UTF8.GetByteCount(Config)}},"digest":"{{ContentDigest.Compute(Encoding.UTF8.GetBytes(Config))}}"},"layers":[]}""";
        var item = new TaskItem("GeneratedContainer");
        item.SetMetadata("Configuration", Config);
        item.SetMetadata("Manifest", manifest);
        item.SetMetadata("ManifestDigest", ContentDigest.Compute(Encoding.UTF8.GetBytes(manifest)));
        item.SetMetadata("ManifestMediaType", ImageMediaTypes.OciManifest);
        return item;
    }
}
