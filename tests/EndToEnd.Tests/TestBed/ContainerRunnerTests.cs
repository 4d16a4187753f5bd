using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

/// <summary>The test bed's runner on the private Docker engine: what the end-to-end tests rely on.</summary>
[Trait("Tier", "Engine")]
public sealed class ContainerRunnerTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly ContainerRunOptions IdleBusybox = new() { Entrypoint = ["/bin/busybox", "sleep", "600"] };

    [Fact]
    public async Task Exec_runs_as_the_image_user_with_its_env_and_merges_output()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, IdleBusybox);

        var exec = await container.ExecAsync("/bin/sh", "-c", "/bin/busybox id -u; echo $ASPNETCORE_HTTP_PORTS; echo oops >&2; exit 3");

        Assert.True(exec.Started);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(["1654", "8080", "oops"], exec.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.True(await container.IsRunningAsync());
    }

    [Fact]
    public async Task Exec_of_a_missing_shell_fails_with_the_engines_error()
    {
        // No shell at all (whited out), but coreutils' sleep keeps the container running.
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.ShellWhitedOut);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, new ContainerRunOptions { Entrypoint = ["/usr/bin/sleep", "600"] });

        var exec = await container.ExecAsync("/bin/sh", "-c", "curl -f http://localhost:8080/ || exit 1");

        Assert.False(exec.Started);
        Assert.Equal(126, exec.ExitCode);
        Assert.Contains("stat /bin/sh: no such file or directory", exec.Output);
    }

    [Fact]
    public async Task Health_override_on_the_command_line_is_judged_by_the_engine()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, IdleBusybox with
        {
            HealthCheck = new HealthcheckConfig(["CMD-SHELL", "echo failing; exit 1"], Interval: TimeSpan.FromMilliseconds(100), Retries: 2),
        });

        var report = await container.WaitForHealthAsync();

        // Unhealthy once the streak reaches the retries; with a 100 ms interval the engine may run more probes before
        // the status is read, so the streak is at least 2, never exactly 2.
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.True(report.FailingStreak >= 2, report.ToString());
        Assert.All(report.Probes, p => Assert.Equal((1, "failing\n"), (p.ExitCode, p.Output)));
    }

    [Fact]
    public async Task Container_without_a_check_reports_no_health_at_once()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, IdleBusybox);

        Assert.Equal(HealthStatus.None, (await container.WaitForHealthAsync(TimeSpan.FromSeconds(1))).Status);
    }

    [Fact]
    public async Task Container_has_its_own_loopback_reachable_through_nsenter_and_is_gone_after_dispose()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, new ContainerRunOptions
        {
            Entrypoint = ["/bin/busybox", "httpd", "-f", "-p", "127.0.0.1:8080", "-h", "/etc"],
        });
        await using (container)
        {
            await container.WaitForListeningAsync(8080);

            var (status, body) = await container.HttpGetAsync(8080, "/hostname");
            var links = await container.RunInNetworkAsync("ip", "-o", "link");

            Assert.Equal(200, status);
            Assert.NotEmpty(body.Trim());
            Assert.Equal(["lo"], links.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[1].Trim()));
        }

        Assert.False(Directory.Exists(container.Rootfs));
    }
}
