using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

/// <summary>Docker's health check rules, checked with busybox shell scripts in a real container.</summary>
public sealed class HealthCheckRunnerTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(new[] { "CMD", "wget", "-q", "http://x/" }, new[] { "wget", "-q", "http://x/" })]
    [InlineData(new[] { "CMD-SHELL", "curl -f http://x/ || exit 1" }, new[] { "/bin/sh", "-c", "curl -f http://x/ || exit 1" })]
    public void Argv_is_what_Docker_execs(string[] test, string[] argv) =>
        Assert.Equal(argv, HealthCheckRunner.Argv(test));

    [Fact]
    public async Task NONE_runs_nothing()
    {
        await using var container = await StartAsync();

        var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(["NONE"]));

        Assert.Equal(HealthStatus.None, report.Status);
        Assert.Empty(report.Probes);
    }

    [Fact]
    public async Task Retries_consecutive_failures_make_it_unhealthy()
    {
        await using var container = await StartAsync();

        var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(["CMD-SHELL", "echo failing; exit 1"], Interval: Short, Retries: 3));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(3, report.Probes.Count);
        Assert.All(report.Probes, p => Assert.Equal((1, "failing\n"), (p.ExitCode, p.Output)));
    }

    [Fact]
    public async Task Failures_in_the_start_period_do_not_count_and_a_later_success_is_healthy()
    {
        await using var container = await StartAsync();

        // Fails for the first 3 probes (a counter in /tmp), then succeeds; retries 1 would be unhealthy without the start period.
        var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(
            ["CMD-SHELL", "n=$(cat /tmp/n 2>/dev/null || echo 0); echo $((n+1)) > /tmp/n; [ $n -ge 3 ]"],
            Interval: Short,
            StartPeriod: TimeSpan.FromSeconds(60),
            Retries: 1));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(4, report.Probes.Count);
        Assert.All(report.Probes, p => Assert.True(p.InStartPeriod));
    }

    [Fact]
    public async Task A_probe_over_its_timeout_fails_with_Dockers_message()
    {
        await using var container = await StartAsync();

        var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(
            ["CMD", "/bin/busybox", "sleep", "30"], Interval: Short, Timeout: TimeSpan.FromMilliseconds(500), Retries: 1));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal((-1, "Health check exceeded timeout (500ms)"), (report.LastProbe!.ExitCode, report.LastProbe.Output));
    }

    [Fact]
    public async Task A_check_still_failing_inside_its_start_period_at_the_bound_stays_starting()
    {
        await using var container = await StartAsync();

        var report = await HealthCheckRunner.RunAsync(
            container,
            new HealthcheckConfig(["CMD", "/bin/busybox", "false"], Interval: Short, StartPeriod: TimeSpan.FromMinutes(5), Retries: 1),
            bound: TimeSpan.FromSeconds(1));

        Assert.Equal(HealthStatus.Starting, report.Status);
        Assert.NotEmpty(report.Probes);
    }

    private async Task<RunningContainer> StartAsync()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        return await ContainerRunner.RunAsync(fixture.Registry, image.Reference, new ContainerRunOptions { Entrypoint = ["/bin/busybox", "sleep", "600"] });
    }
}
