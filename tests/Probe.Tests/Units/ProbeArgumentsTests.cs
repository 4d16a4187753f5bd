namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class ProbeArgumentsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void No_arguments_probe_localhost_8080_healthz_for_3_seconds_expecting_200_to_399()
    {
        var options = ProbeArguments.Parse([], NoEnvironment).Options!;

        Assert.Equal("http://localhost:8080/healthz", options.Url.ToString());
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal("200-399", options.Expect.Text);
        Assert.Empty(options.Headers);
        Assert.Null(options.HostHeader);
    }

    [Fact]
    public void Every_option_is_read_in_both_spellings()
    {
        var options = ProbeArguments.Parse(
            ["--timeout=500ms", "--path", "/ready", "--header", "X-A: 1", "--header=X-B:2", "--host-header", "api.internal", "--expect=200-299"],
            _ => null).Options!;

        Assert.Equal("http://localhost:8080/ready", options.Url.ToString());
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Timeout);
        Assert.Equal(["X-A=1", "X-B=2"], options.Headers.Select(h => $"{h.Name}={h.Value}"));
        Assert.Equal("api.internal", options.HostHeader);
        Assert.True(options.Expect.Contains(299));
        Assert.False(options.Expect.Contains(300));
    }

    [Fact]
    public void Path_option_replaces_the_path_of_a_given_url()
    {
        var options = ProbeArguments.Parse(["http://app:5000/old", "--path", "/new"], NoEnvironment).Options!;

        Assert.Equal("http://app:5000/new", options.Url.ToString());
    }

    [Fact]
    public void Given_url_ignores_the_environment()
    {
        var options = ProbeArguments.Parse(["http://127.0.0.1:9000/"], _ => "garbage").Options!;

        Assert.Equal(9000, options.Url.Port);
    }

    [Fact]
    public void Port_comes_from_the_environment_without_a_url()
    {
        var options = ProbeArguments.Parse([], name => name == "ASPNETCORE_HTTP_PORTS" ? "5000" : null).Options!;

        Assert.Equal("http://localhost:5000/healthz", options.Url.ToString());
    }

    [Fact]
    public void Port_option_is_localhost_at_that_port_over_the_environment()
    {
        var http = ProbeArguments.Parse(["--port", "5000", "--path", "/ready"], name => name == "ASPNETCORE_HTTP_PORTS" ? "8080" : null).Options!;
        var grpc = ProbeArguments.Parse(["--protocol", "grpc", "--port", "5001", "--service", "orders"], NoEnvironment).Options!;

        Assert.Equal("http://localhost:5000/ready", http.Url.ToString());
        Assert.Equal("grpc://localhost:5001/orders", grpc.Url.ToString());
    }

    [Fact]
    public void Port_option_skips_a_broken_environment()
    {
        var options = ProbeArguments.Parse(["--port", "5000"], name => name == "ASPNETCORE_HTTP_PORTS" ? "http" : null).Options!;

        Assert.Equal(5000, options.Url.Port);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(ProbeArguments.Parse(["http://x/", flag], NoEnvironment).HelpRequested);
    }

    [Theory]
    [InlineData("unknown option '--verbose'", "--verbose")]
    [InlineData("unknown option '--nope'", "--nope=1")]
    [InlineData("--expect needs a value", "--expect")]
    [InlineData("--host-header 'a b' must be a host[:port]", "--host-header", "a b")]
    [InlineData("--header 'Connection' is set by the probe itself", "--header", "Connection: keep-alive")]
    [InlineData("control or non-ASCII", "--header", "X-A: caf\u00e9")]
    [InlineData("apply to http:// URLs", "tcp://db:1", "--expect", "200")]
    [InlineData("--port 'x' is not a port", "--port", "x")]
    [InlineData("both name the port", "http://app:80/", "--port", "5000")]
    public void Bad_usage_says_what_is_wrong(string reason, params string[] arguments)
    {
        var parsed = ProbeArguments.Parse(arguments, NoEnvironment);

        Assert.Null(parsed.Options);
        Assert.StartsWith("bad usage: ", parsed.Error);
        Assert.Contains(reason, parsed.Error);
    }

    [Fact]
    public void Https_is_not_bad_usage_but_says_to_probe_the_http_port()
    {
        var parsed = ProbeArguments.Parse(["https://app/healthz"], NoEnvironment);

        Assert.Null(parsed.Options);
        Assert.Contains("plain HTTP port", parsed.Error);
        Assert.DoesNotContain("bad usage", parsed.Error);
    }
}
