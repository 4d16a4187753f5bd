using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>linux-x64 + linux-arm64 to a registry: one image per RID with its own probe, and an index over both.</summary>
[Trait("Tier", "Publish")]
public sealed class MultiRidRegistryTests(PackagedSample sample) : IClassFixture<PackagedSample>
{
    [Fact]
    public async Task Index_lists_both_images_each_with_the_HEALTHCHECK_and_its_own_probe()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.MultiPlatform);
        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = sample.Registry,
            RuntimeIdentifier = null,
            Properties = new Dictionary<string, string> { ["RuntimeIdentifiers"] = "linux-x64;linux-arm64" },
        });
        Assert.True(published.Succeeded, published.Build.Output);

        var raw = await ProcessRunner.RunAsync("skopeo", ["inspect", "--raw", "--tls-verify=false", $"docker://{published.ImageReference}"]);
        using var index = JsonDocument.Parse(raw.EnsureSuccess().StandardOutput);
        var platforms = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Order().ToArray();
        Assert.Equal(["amd64", "arm64"], platforms);

        using var amd64 = await UnpackedImage.PullAsync(sample.Registry, published.ImageReference!, "amd64");
        using var arm64 = await UnpackedImage.PullAsync(sample.Registry, published.ImageReference!, "arm64");
        ExpectedHealthcheck.AssertDefaults(amd64.Config.Healthcheck);
        ExpectedHealthcheck.AssertDefaults(arm64.Config.Healthcheck);
        Assert.Contains("x86-64", (await ProcessRunner.RunAsync("file", ["-b", Path.Combine(amd64.Rootfs, "app", "healthprobe")])).StandardOutput);
        var armProbe = Path.Combine(arm64.Rootfs, "app", "healthprobe");
        Assert.Contains("ARM aarch64", (await ProcessRunner.RunAsync("file", ["-b", armProbe])).StandardOutput);

        // The engine pulls the amd64 image from the index and finds it healthy; the arm64 probe under qemu checks it from inside its network.
        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!, ExpectedHealthcheck.FastRun, platform: "linux/amd64");
        Assert.Equal(HealthStatus.Healthy, (await container.WaitForHealthAsync(target: HealthStatus.Healthy)).Status);
        var probe = await container.RunInNetworkAsync("env", "ASPNETCORE_HTTP_PORTS=8080", "qemu-aarch64-static", armProbe, "--path", "/healthz");
        Assert.True(probe.ExitCode == 0, probe.Output);
        Assert.StartsWith("healthy: HTTP 200", probe.StandardOutput);

        // Each RID's own tag names the same image the index lists.
        foreach (var (rid, architecture) in new[] { ("linux-x64", "amd64"), ("linux-arm64", "arm64") })
        {
            var inspect = await ProcessRunner.RunAsync("skopeo", ["inspect", "--tls-verify=false", $"docker://{published.ImageReference}-{rid}"]);
            var digest = JsonDocument.Parse(inspect.EnsureSuccess().StandardOutput).RootElement.GetProperty("Digest").GetString();
            Assert.Contains(index.RootElement.GetProperty("manifests").EnumerateArray(), m =>
                m.GetProperty("digest").GetString() == digest && m.GetProperty("platform").GetProperty("architecture").GetString() == architecture);
        }
    }
}
