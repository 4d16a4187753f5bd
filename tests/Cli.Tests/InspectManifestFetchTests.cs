using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Registry.Faults;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// <c>inspect</c> reads each manifest once: the tag (an index or the image), then for an index the chosen platform's
/// manifest, which the inspection then uses as it is — counted at a proxy in front of the test registry.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class InspectManifestFetchTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Theory]
    [InlineData(BaseImageKind.Chiseled, 1)]
    [InlineData(BaseImageKind.MultiPlatform, 2)]
    public async Task Each_manifest_is_fetched_once(BaseImageKind kind, int manifests)
    {
        var image = await BaseImages.PushAsync(fixture.Registry, kind);
        await using var proxy = await FaultProxy.StartAsync(fixture.Registry);

        var run = await CliRun.RunAsync(["inspect", $"{proxy.Address}/{image.Repository}:{image.Tag}", "--platform", "linux/amd64"]);

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        var fetched = proxy.Requests.Where(r => r.FromContainerHealth && r.Method == "GET" && r.IsManifest).ToList();
        Assert.True(fetched.Count == manifests, string.Join("\n", fetched));
    }
}
