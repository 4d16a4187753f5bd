using System.Text.Json;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>Podman honours the HEALTHCHECK of a Docker-format image: the published archive loaded into Podman passes its check.</summary>
[Trait("Tier", "Publish")]
public sealed class PodmanTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>, IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-podman-");

    [Fact]
    public async Task Docker_format_archive_loaded_into_Podman_passes_podman_healthcheck_run()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            ArchiveDirectory = directory.Path,
            Properties = new Dictionary<string, string> { ["ContainerImageFormat"] = "Docker" },
        });
        Assert.True(published.Succeeded, published.Build.Output);
        await using var podman = await PodmanEngine.CreateAsync();

        var loaded = (await podman.PodmanAsync("load", "--input", published.ArchivePath!)).EnsureSuccess();
        var image = loaded.StandardOutput.Split('\n').Last(l => l.StartsWith("Loaded image", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        (await podman.PodmanAsync("run", "--detach", "--name", "app", image)).EnsureSuccess();
        var check = await RunCheckUntilListeningAsync(podman);
        var health = (await podman.PodmanAsync("inspect", "--format", "{{json .State.Health}}", "app")).EnsureSuccess();

        output.WriteLine(health.StandardOutput);
        Assert.Equal(0, check.ExitCode);
        using var json = JsonDocument.Parse(health.StandardOutput);
        Assert.Equal("healthy", json.RootElement.GetProperty("Status").GetString());
        Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", json.RootElement.GetProperty("Log").EnumerateArray().Last().GetProperty("Output").GetString());
    }

    public void Dispose() => directory.Dispose();

    /// <summary>Podman without systemd has no timer: ask until the app listens (the probe's refusals come first).</summary>
    private static async Task<TestBed.ProcessResult> RunCheckUntilListeningAsync(PodmanEngine podman)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var check = await podman.PodmanAsync("healthcheck", "run", "app");
            if (check.ExitCode == 0 || DateTime.UtcNow > deadline)
            {
                return check;
            }
        }
    }
}
