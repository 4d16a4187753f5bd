using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// The static linux-x64 probe in a root laid out like an Alpine image: musl's loader at /lib/ld-musl-x86_64.so.1 (from
/// Debian's musl package), busybox as /bin/sh, /etc/hosts, and no glibc anywhere. It is what a linux-musl-x64 publish
/// would get: the static probe needs no libc of the image's. bubblewrap builds the root; the network is the host's.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class MuslRootTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task Probe_runs_from_a_busybox_shell_health_check_in_a_musl_root()
    {
        var run = await RunInMuslRootAsync($"/healthprobe http://app.internal:{app.IPv4Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://app.internal:{app.IPv4Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Port_from_the_environment_and_an_unhealthy_answer_in_a_musl_root()
    {
        var run = await RunInMuslRootAsync($"ASPNETCORE_HTTP_PORTS={app.IPv4Port} /healthprobe --path /status/503");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"unhealthy: HTTP 503 from http://localhost:{app.IPv4Port}/status/503", run.Line);
    }

    [Fact]
    public async Task The_root_has_musl_and_no_glibc()
    {
        var run = await RunInMuslRootAsync("ls /lib; ls -d /lib64 /usr/lib /lib/x86_64-linux-gnu 2>/dev/null; echo end");

        Assert.Equal("ld-musl-x86_64.so.1\nend\n", run.Output);
    }

    /// <summary>Runs <paramref name="command"/> with the root's busybox sh, as a HEALTHCHECK CMD-SHELL does on Alpine.</summary>
    private static async Task<ProbeRun> RunInMuslRootAsync(string command)
    {
        var probe = await ShippedProbe.PathForAsync("linux-x64");
        using var scratch = new TemporaryDirectory();
        var hosts = scratch.File("hosts");
        File.WriteAllText(hosts, "127.0.0.1 localhost app.internal\n");
        string[] bwrap =
        [
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--clearenv",
            "--ro-bind", "/lib/ld-musl-x86_64.so.1", "/lib/ld-musl-x86_64.so.1",
            "--ro-bind", "/bin/busybox", "/bin/busybox",
            "--symlink", "busybox", "/bin/sh",
            "--symlink", "busybox", "/bin/ls",
            "--ro-bind", hosts, "/etc/hosts",
            "--ro-bind", probe, "/healthprobe",
            "/bin/sh", "-c", command,
        ];
        return await ProbeRun.RunProgramAsync("bwrap", bwrap, null);
    }
}
