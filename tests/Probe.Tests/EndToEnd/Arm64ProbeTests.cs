using System.Net;
using System.Net.Sockets;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-arm64 probe, run under qemu-aarch64-static, on the basic cases.</summary>
public sealed class Arm64ProbeTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task Healthy_app_is_healthy()
    {
        var run = await ProbeRun.RunAsync("linux-arm64", [$"http://localhost:{app.IPv4Port}/healthz"], null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{app.IPv4Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Failing_app_is_unhealthy()
    {
        var run = await ProbeRun.RunAsync("linux-arm64", [$"http://[::1]:{app.IPv6Port}/status/503"], null);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: HTTP 503", run.Line);
    }

    [Fact]
    public async Task Refused_connection_is_unhealthy()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await ProbeRun.RunAsync("linux-arm64", [$"tcp://127.0.0.1:{port}"], null);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: connection refused (127.0.0.1:{port})", run.Line);
    }

    [Fact]
    public async Task Port_comes_from_the_environment()
    {
        var run = await ProbeRun.RunAsync("linux-arm64", [], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = app.IPv4Port.ToString() });

        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
