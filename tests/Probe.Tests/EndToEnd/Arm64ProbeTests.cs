using System.Net;
using System.Net.Sockets;
using System.Text;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-arm64 probe, run under qemu-aarch64-static, on the basic cases.</summary>
[Trait("Tier", "Engine")]
[Collection(DeadlineCollection.Name)]
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

    [Fact]
    public async Task Deadline_counts_from_process_start_not_from_runtime_start()
    {
        // Under qemu the runtime alone takes 50-100 ms to start (and more on a busy machine). An answer that comes 480 ms
        // after the request is in time for a 500 ms budget that starts when the runtime is up, and too late for one
        // that starts with the process, as Docker's timeout does.
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(480), token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), token);
            socket.Shutdown(SocketShutdown.Send);
        });

        var run = await ProbeRun.RunAsync("linux-arm64", [$"http://127.0.0.1:{server.Port}/healthz", "--timeout", "500ms"], null);

        // The deadline's line either way: on a loaded machine qemu's start-up alone can use up the budget before the connect.
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches("^unhealthy: (no response within|connect timed out after) 500 ms", run.Line);
    }
}
