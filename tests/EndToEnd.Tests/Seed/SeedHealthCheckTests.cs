using ContainerHealth.TestBed.Registry;
using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.EndToEnd.Tests.Seed;

/// <summary>
/// The problem this product exists for, without our package: the sample published with the real SDK onto each base
/// image, run under the real Docker engine with the health check an ECS task definition would carry, judged by the engine.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class SeedHealthCheckTests(RegistryFixture fixture, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private static readonly string[] EcsCurlCheck = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"];

    [Fact]
    public async Task Chiseled_with_the_ECS_curl_check_is_unhealthy_because_there_is_no_shell()
    {
        var report = await PublishRunAndCheckAsync(BaseImageKind.Chiseled, EcsCurlCheck);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.All(report.Probes, probe => Assert.Equal(-1, probe.ExitCode));
        Assert.StartsWith("OCI runtime exec failed: exec failed:", report.LastProbe!.Output);
        Assert.Contains("exec: \"/bin/sh\": stat /bin/sh: no such file or directory", report.LastProbe.Output);
    }

    [Fact]
    public async Task Noble_like_with_the_ECS_curl_check_is_unhealthy_because_curl_is_not_found()
    {
        var report = await PublishRunAndCheckAsync(BaseImageKind.NobleLike, EcsCurlCheck);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(1, report.LastProbe!.ExitCode); // `|| exit 1` turns dash's 127 into 1
        Assert.Contains("curl: not found", report.LastProbe.Output);
    }

    [Fact]
    public async Task Busybox_with_a_wget_shell_check_is_healthy()
    {
        var report = await PublishRunAndCheckAsync(BaseImageKind.Busybox, ["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz || exit 1"]);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(0, report.LastProbe!.ExitCode);
    }

    [Fact]
    public async Task Busybox_with_hard_linked_wget_and_an_exec_form_check_is_healthy()
    {
        var report = await PublishRunAndCheckAsync(BaseImageKind.BusyboxHardlinks, ["CMD", "/bin/wget", "-q", "--spider", "http://localhost:8080/healthz"]);

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    private async Task<HealthCheckReport> PublishRunAndCheckAsync(BaseImageKind kind, string[] test)
    {
        var baseImage = await BaseImages.PushAsync(fixture.Registry, kind);
        using var sample = await SampleProject.AcquireAsync();
        var total = Stopwatch.StartNew();

        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new() { BaseImage = baseImage.Reference, Registry = fixture.Registry });
        Assert.True(published.Succeeded, published.Build.Output);
        var run = Stopwatch.StartNew();
        var check = new HealthcheckConfig(test, Interval: TimeSpan.FromMilliseconds(100), Timeout: TimeSpan.FromSeconds(10), Retries: 2);
        await using var container = await RunWithCheckAsync(published.ImageReference!, check);
        await container.WaitForListeningAsync(8080);
        var listening = DateTimeOffset.UtcNow;
        run.Stop();
        // The check runs from the container's start; judge it once the app listens, as it would be a moment later in production.
        var report = await container.WaitForHealthAsync(since: listening);

        output.WriteLine($"{kind}: publish {published.Duration.TotalSeconds:F1}s, pull+run+listen {run.Elapsed.TotalSeconds:F1}s, total {total.Elapsed.TotalSeconds:F1}s");
        output.WriteLine(report.ToString());
        return report;
    }

    /// <summary>A shell-form check goes on the command line (<c>--health-cmd</c>); an exec-form one into the image, as a Dockerfile would.</summary>
    private async Task<RunningContainer> RunWithCheckAsync(string image, HealthcheckConfig check)
    {
        if (check.Test[0] == "CMD-SHELL")
        {
            return await ContainerRunner.RunAsync(fixture.Registry, image, new ContainerRunOptions { HealthCheck = check });
        }

        await ContainerRunner.PullAsync(fixture.Registry, image);
        return await ContainerRunner.RunImageAsync(await EngineImageBuilder.WithHealthcheckAsync(image, check));
    }
}
