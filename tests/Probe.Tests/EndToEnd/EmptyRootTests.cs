using System.Net;
using System.Net.Sockets;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// The probe in a root that holds nothing but the probe itself — no libc, no /etc/hosts, no /proc, no shell — as in
/// a distroless static image. bubblewrap builds that root; the network namespace is shared so host loopback answers.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(DeadlineCollection.Name)]
public sealed class EmptyRootTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task Localhost_is_probed_without_any_resolver_files()
    {
        var run = await RunInEmptyRootAsync($"http://localhost:{app.IPv4Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{app.IPv4Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Port_from_the_environment_works_in_the_empty_root()
    {
        var run = await RunInEmptyRootAsync("--setenv", "ASPNETCORE_HTTP_PORTS", app.IPv6Port.ToString(), "--", "--path", "/status/204");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 204 from http://localhost:{app.IPv6Port}/status/204", run.Line);
    }

    [Fact]
    public async Task Unhealthy_app_is_reported_from_the_empty_root()
    {
        var run = await RunInEmptyRootAsync($"http://localhost:{app.IPv4Port}/status/503");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: HTTP 503", run.Line);
    }

    [Fact]
    public async Task Other_names_resolve_through_etc_hosts_in_the_static_binary()
    {
        using var scratch = new TemporaryDirectory();
        var hosts = scratch.File("hosts");
        File.WriteAllText(hosts, "127.0.0.1 app.internal\n");

        var run = await RunInEmptyRootAsync("--ro-bind", hosts, "/etc/hosts", "--", $"http://app.internal:{app.IPv4Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://app.internal:{app.IPv4Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Unknown_name_is_unhealthy_and_named()
    {
        var run = await RunInEmptyRootAsync($"http://app.internal:{app.IPv4Port}/healthz", "--timeout", "10s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: cannot resolve 'app.internal'", run.Line);
    }

    [Fact]
    public async Task Deadline_holds_while_the_system_resolver_waits_for_a_silent_dns_server()
    {
        // A DNS server that reads queries and never answers: glibc's resolver alone would wait 30 s per try (its cap),
        // far beyond the deadline's slack.
        using var silentDns = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.99"), 53));
        using var scratch = new TemporaryDirectory();
        var resolvConf = scratch.File("resolv.conf");
        File.WriteAllText(resolvConf, "nameserver 127.0.0.99\noptions timeout:30 attempts:2\n");

        var run = await RunInEmptyRootAsync(
            "--ro-bind", resolvConf, "/etc/resolv.conf", "--", $"http://app.internal:{app.IPv4Port}/healthz", "--timeout", "1s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: no response within 1000 ms", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromSeconds(1));
        Assert.True(silentDns.Available > 0, "the probe's query reached the silent DNS server");
    }

    /// <summary>Arguments before "--" go to bwrap (e.g. --setenv), the rest to the probe.</summary>
    internal static async Task<ProbeRun> RunInEmptyRootAsync(params string[] arguments)
    {
        var probe = await ShippedProbe.PathForAsync("linux-x64");
        var split = Array.IndexOf(arguments, "--");
        var bwrapExtra = split < 0 ? [] : arguments[..split];
        var probeArguments = split < 0 ? arguments : arguments[(split + 1)..];
        // No --die-with-parent: its parent-death signal follows the spawning *thread*, and a thread-pool thread that
        // retires would SIGKILL the probe mid-run; the probe ends by its own deadline anyway.
        string[] bwrap =
        [
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--clearenv",
            "--ro-bind", probe, "/healthprobe",
            .. bwrapExtra,
            "/healthprobe",
            .. probeArguments,
        ];
        return await ProbeRun.RunProgramAsync("bwrap", bwrap, null);
    }
}
