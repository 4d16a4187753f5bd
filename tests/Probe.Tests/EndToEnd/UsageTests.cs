using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>Bad usage exits 1 (never 2, which Docker reserves) with one line that says what is wrong.</summary>
[Trait("Tier", "Engine")]
public sealed class UsageTests
{
    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("--timeout needs a value", "--timeout")]
    [InlineData("'5' needs a unit", "--timeout", "5")]
    [InlineData("'fast' is not a duration", "--timeout", "fast")]
    [InlineData("--expect '2xx' is not a list of statuses", "--expect", "2xx")]
    [InlineData("--header 'NoColon' is not \"Name: value\"", "--header", "NoColon")]
    [InlineData("set the Host header with --host-header", "--header", "Host: other")]
    [InlineData("more than one URL", "http://localhost:1/", "http://localhost:2/")]
    [InlineData("'localhost:8080' is not a probe URL", "localhost:8080")]
    [InlineData("apply to http:// URLs, not tcp://", "tcp://localhost:1", "--path", "/x")]
    [InlineData("--path 'healthz' must start with /", "--path", "healthz")]
    public async Task Bad_usage_exits_1_with_one_line_saying_what_is_wrong(string expected, params string[] arguments)
    {
        var run = await ProbeRun.X64Async(arguments);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: bad usage: ", run.Line);
        Assert.Contains(expected, run.Line);
        Assert.DoesNotContain('\n', run.Line);
    }

    [Fact]
    public async Task Https_is_unhealthy_with_a_clear_message()
    {
        var run = await ProbeRun.X64Async("https://localhost:8443/healthz");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: https://localhost:8443/healthz needs TLS, which the probe does not speak", run.Line);
    }

    [Fact]
    public async Task Bad_port_in_the_environment_is_named()
    {
        var run = await ProbeRun.RunAsync("linux-x64", [], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "http" });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ASPNETCORE_HTTP_PORTS='http' does not start with a port", run.Line);
    }

    [Fact]
    public async Task Help_prints_usage_and_still_exits_1()
    {
        var run = await ProbeRun.X64Async("--help");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("usage: healthprobe", run.Line);
    }
}
