using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// <c>--port N</c>: the check people write by hand (<c>["CMD", "/app/healthprobe", "--port", "5000"]</c>) probes
/// localhost:N — the path for http, a connect for tcp — over whatever port the environment names.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class PortOptionTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task Port_option_probes_the_default_path_on_localhost_at_that_port()
    {
        var run = await ProbeRun.RunAsync("linux-x64", ["--port", app.IPv4Port.ToString()], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "1" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"^healthy: HTTP 200 from http://localhost:{app.IPv4Port}/healthz in \d+ ms$", run.Line);
    }

    [Fact]
    public async Task Port_option_takes_the_path_option()
    {
        var run = await ProbeRun.X64Async($"--port={app.IPv4Port}", "--path", "/status/503");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"unhealthy: HTTP 503 from http://localhost:{app.IPv4Port}/status/503", run.Line);
    }

    [Fact]
    public async Task Port_option_with_protocol_tcp_connects_to_that_port()
    {
        var run = await ProbeRun.X64Async("--protocol", "tcp", "--port", app.IPv4Port.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: connected to 127.0.0.1:{app.IPv4Port} in ", run.Line);
    }

    [Theory]
    [InlineData("--port '0' is not a port (1-65535)", "--port", "0")]
    [InlineData("both name the port", "http://localhost:8080/healthz", "--port", "5000")]
    public async Task Bad_port_option_is_bad_usage(string expected, params string[] arguments)
    {
        var run = await ProbeRun.X64Async(arguments);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: bad usage: ", run.Line);
        Assert.Contains(expected, run.Line);
    }
}
