using ContainerHealth.TestBed.Registry;
using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.EndToEnd.Tests.Seed;

/// <summary>
/// The problem this product exists for, without our package: the sample published with the real SDK onto each base
/// image, run with runc, and probed by the health check an ECS task definition would carry. Later features flip these.
/// </summary>
public sealed class SeedHealthCheckTests(RegistryFixture fixture, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private static readonly string[] EcsCurlCheck = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"];

    [Fact]
    public async Task Chiseled_with_the_ECS_curl_check_is_unhealthy_because_there_is_no_shell()
    {
        var report = await PublishRunAndCheckAsync(BaseImageKind.Chiseled, EcsCurlCheck);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.All(report.Probes, probe => Assert.Equal(-1, probe.ExitCode));
        Assert.Equal(
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown",
            report.LastProbe!.Output);
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
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, published.ImageReference!);
        await container.WaitForListeningAsync(8080);
        run.Stop();
        var check = Stopwatch.StartNew();
        var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(test, Interval: TimeSpan.FromMilliseconds(100), Timeout: TimeSpan.FromSeconds(10), Retries: 2));
        check.Stop();

        output.WriteLine($"{kind}: publish {published.Duration.TotalSeconds:F1}s, pull+unpack+run+listen {run.Elapsed.TotalSeconds:F1}s, check {check.Elapsed.TotalSeconds:F1}s, total {total.Elapsed.TotalSeconds:F1}s");
        output.WriteLine(report.ToString());
        return report;
    }
}
