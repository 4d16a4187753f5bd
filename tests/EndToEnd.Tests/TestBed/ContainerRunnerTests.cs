using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

public sealed class ContainerRunnerTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly ContainerRunOptions IdleBusybox = new() { Entrypoint = ["/bin/busybox", "sleep", "600"] };

    [Fact]
    public async Task Exec_runs_as_the_image_user_with_its_env_and_merges_output()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, IdleBusybox);

        var exec = await container.ExecAsync(["/bin/sh", "-c", "/bin/busybox id -u; echo $ASPNETCORE_HTTP_PORTS; echo oops >&2; exit 3"]);

        Assert.True(exec.Started);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(["1654", "8080", "oops"], exec.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.True(await container.IsRunningAsync());
    }

    [Fact]
    public async Task Exec_of_a_missing_shell_fails_with_Dockers_exact_error()
    {
        // No shell at all (whited out), but coreutils' sleep keeps the container running.
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.ShellWhitedOut);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, new ContainerRunOptions { Entrypoint = ["/usr/bin/sleep", "600"] });

        var exec = await container.ExecAsync(["/bin/sh", "-c", "curl -f http://localhost:8080/ || exit 1"]);

        Assert.False(exec.Started);
        Assert.Equal(-1, exec.ExitCode);
        Assert.Equal(
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown",
            exec.Output);
    }

    [Fact]
    public async Task Exec_of_a_program_missing_from_PATH_fails_with_Dockers_exact_error()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.ShellWhitedOut);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, new ContainerRunOptions { Entrypoint = ["/usr/bin/sleep", "600"] });

        var exec = await container.ExecAsync(["curl", "-f", "http://localhost:8080/"]);

        Assert.Equal(
            (-1, "OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown"),
            (exec.ExitCode, exec.Output));
    }

    [Fact]
    public async Task Exec_that_outlives_its_timeout_is_killed()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, image.Reference, IdleBusybox);

        var exec = await container.ExecAsync(["/bin/busybox", "sleep", "61"], TimeSpan.FromMilliseconds(300));

        Assert.True(exec.TimedOut);
        var processes = await container.ExecAsync(["/bin/busybox", "ps"]);
        Assert.DoesNotContain("sleep 61", processes.Output);
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

            var (status, body) = await container.HttpGetAsync(8080, "/hosts");
            var links = await container.RunInNetworkAsync("ip", "-o", "link");

            Assert.Equal(200, status);
            Assert.Contains("127.0.0.1 localhost", body);
            Assert.Equal(["lo"], links.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[1].Trim()));
        }

        Assert.Equal("gone", await container.StatusAsync());
        Assert.False(Directory.Exists(container.Rootfs));
    }
}
