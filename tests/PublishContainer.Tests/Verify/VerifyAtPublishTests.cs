using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests.Verify;

/// <summary>
/// ContainerHealthVerify=true on the healthy sample, for every destination the SDK writes to: the final image is run under
/// the test's Docker engine with its own HEALTHCHECK, the build prints one "verified … healthy" line with the probe's own
/// answer, and no container is left behind.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyAtPublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>, IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-verify-");

    [Fact]
    public async Task Registry_image_is_verified_healthy()
    {
        var published = await PublishAsync(registry: true);

        AssertVerifiedHealthy(published);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Archive_is_loaded_and_verified_healthy()
    {
        var published = await PublishAsync(archive: directory.Path);

        AssertVerifiedHealthy(published);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Local_engine_image_is_verified_healthy()
    {
        var published = await PublishAsync();

        AssertVerifiedHealthy(published);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Setting_the_app_needs_to_start_is_passed_only_to_the_verify_container()
    {
        var programFile = Path.Combine(sample.App.Directory, "Program.cs");
        var program = await File.ReadAllTextAsync(programFile);
        var project = await File.ReadAllTextAsync(sample.App.ProjectFile);
        try
        {
            await File.WriteAllTextAsync(programFile, program.Replace(
                "var app = builder.Build();", "_ = builder.Configuration[\"Shop:Key\"] ?? throw new InvalidOperationException(\"Shop:Key is not set\");\nvar app = builder.Build();", StringComparison.Ordinal));
            await File.WriteAllTextAsync(sample.App.ProjectFile, project.Replace(
                "</Project>", "  <ItemGroup>\n    <ContainerHealthVerifyEnvironmentVariable Include=\"Shop__Key\" Value=\"verify-only\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));

            var published = await PublishAsync(registry: true);

            AssertVerifiedHealthy(published);
            var engine = await DockerEngine.SharedAsync();
            (await engine.DockerAsync("pull", "--quiet", published.ImageReference!)).EnsureSuccess();
            var env = (await engine.DockerAsync("image", "inspect", "--format", "{{json .Config.Env}}", published.ImageReference!)).EnsureSuccess();
            Assert.DoesNotContain("Shop__Key", env.StandardOutput);
        }
        finally
        {
            await File.WriteAllTextAsync(programFile, program);
            await File.WriteAllTextAsync(sample.App.ProjectFile, project);
        }
    }

    [Fact]
    public async Task Multi_RID_publish_verifies_the_native_RID_and_names_the_others()
    {
        var engine = await DockerEngine.SharedAsync();
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.MultiPlatform);
        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = sample.Registry,
            RuntimeIdentifier = null,
            Properties = new Dictionary<string, string> { ["RuntimeIdentifiers"] = "linux-x64;linux-arm64", ["ContainerHealthVerify"] = "true" },
            Environment = engine.ClientEnvironment,
        });

        AssertVerifiedHealthy(published);
        Assert.Contains("for linux-x64 (linux/amd64); not run here: linux-arm64 (the engine does not run them natively)", published.Build.Output);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Verify_is_off_by_default()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry });

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.DoesNotContain("ContainerHealth: verified", published.Build.Output);
    }

    public void Dispose() => directory.Dispose();

    private void AssertVerifiedHealthy(ContainerPublishResult published)
    {
        output.WriteLine(published.Build.Output);
        Assert.True(published.Succeeded, published.Build.Output);
        var line = published.Build.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ContainerHealth: verified", StringComparison.Ordinal));
        Assert.Matches(@"^ContainerHealth: verified healthy-sample:t\w+ healthy in \d+\.\d s \(healthy: HTTP 200 from http://localhost:8080/healthz in \d+ ms\)$", line);
    }

    private async Task<ContainerPublishResult> PublishAsync(bool registry = false, string? archive = null)
    {
        var engine = await DockerEngine.SharedAsync();
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        return await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = registry ? sample.Registry : null,
            ArchiveDirectory = archive,
            Properties = new Dictionary<string, string> { ["ContainerHealthVerify"] = "true" },
            Environment = engine.ClientEnvironment,
        });
    }
}
