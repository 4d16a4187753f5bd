using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-x64 probe against a real Kestrel app.</summary>
[Trait("Tier", "Engine")]
public sealed class KestrelProbeTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/healthz", 200)]
    [InlineData("/status/204", 204)]
    [InlineData("/status/301", 301)]
    [InlineData("/status/302", 302)]
    public async Task Statuses_in_the_default_range_are_healthy(string path, int status)
    {
        var url = $"http://127.0.0.1:{app.IPv4Port}{path}";

        var run = await ProbeRun.X64Async(url);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"^healthy: HTTP {status} from {Escape(url)} in \d+ ms$", run.Line);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Statuses_outside_the_default_range_are_unhealthy(int status)
    {
        var url = $"http://127.0.0.1:{app.IPv4Port}/status/{status}";

        var run = await ProbeRun.X64Async(url);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches($@"^unhealthy: HTTP {status} from {Escape(url)} in \d+ ms \(expected 200-399\)$", run.Line);
    }

    [Fact]
    public async Task Expect_decides_which_statuses_are_healthy()
    {
        var maintenance = await ProbeRun.X64Async($"http://127.0.0.1:{app.IPv4Port}/status/503", "--expect", "200,503");
        var strict = await ProbeRun.X64Async($"http://127.0.0.1:{app.IPv4Port}/status/302", "--expect", "200-299");

        Assert.True(maintenance.ExitCode == 0, maintenance.ToString());
        Assert.StartsWith("healthy: HTTP 503", maintenance.Line);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.EndsWith("(expected 200-299)", strict.Line);
    }

    [Fact]
    public async Task IPv6_literal_is_probed_over_IPv6()
    {
        var run = await ProbeRun.X64Async($"http://[::1]:{app.IPv6Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://[::1]:{app.IPv6Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Localhost_falls_back_to_IPv6_when_IPv4_refuses()
    {
        // The app listens on this port on [::1] only.
        var run = await ProbeRun.X64Async($"http://localhost:{app.IPv6Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Headers_given_with_header_reach_the_app()
    {
        var id = Guid.NewGuid().ToString("N");

        var run = await ProbeRun.X64Async(
            $"http://127.0.0.1:{app.IPv4Port}/healthz", "--header", $"X-Probe-Id: {id}", "--header", "Authorization: Bearer s3cret");

        Assert.True(run.ExitCode == 0, run.ToString());
        var received = app.RequestsById[id];
        Assert.Equal("Bearer s3cret", received.Authorization.ToString());
        Assert.Equal($"127.0.0.1:{app.IPv4Port}", received.Host.ToString());
        Assert.Equal("close", received.Connection.ToString());
    }

    [Fact]
    public async Task Host_header_reaches_the_app_and_satisfies_a_host_check()
    {
        var id = Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{app.IPv4Port}/host-only";

        var withoutHost = await ProbeRun.X64Async(url);
        var withHost = await ProbeRun.X64Async(url, "--host-header", KestrelApp.RequiredHost, "--header", $"X-Probe-Id: {id}");

        Assert.True(withoutHost.ExitCode == 1, withoutHost.ToString());
        Assert.True(withHost.ExitCode == 0, withHost.ToString());
        Assert.Equal(KestrelApp.RequiredHost, app.RequestsById[id].Host.ToString());
    }

    [Fact]
    public async Task Tcp_url_checks_that_a_connection_is_accepted()
    {
        var run = await ProbeRun.X64Async($"tcp://127.0.0.1:{app.IPv4Port}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"^healthy: connected to 127\.0\.0\.1:{app.IPv4Port} in \d+ ms$", run.Line);
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{0};9")]
    [InlineData("DOTNET_HTTP_PORTS", "{0}")]
    [InlineData("HTTP_PORTS", "{0}")]
    [InlineData("ASPNETCORE_URLS", "http://+:{0}")]
    [InlineData("DOTNET_URLS", "http://*:{0}/")]
    [InlineData("URLS", "https://+:9;http://0.0.0.0:{0}")]
    public async Task Without_a_url_the_port_comes_from_the_environment(string variable, string value)
    {
        var run = await ProbeRun.RunAsync("linux-x64", [], new Dictionary<string, string>
        {
            [variable] = string.Format(value, app.IPv4Port),
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{app.IPv4Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Urls_set_at_deploy_time_override_the_image_http_ports_as_in_kestrel()
    {
        // Microsoft's images bake ASPNETCORE_HTTP_PORTS=8080; an operator moving the app with ASPNETCORE_URLS moves Kestrel.
        var run = await ProbeRun.RunAsync("linux-x64", [], new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = "9",
            ["ASPNETCORE_URLS"] = $"http://+:{app.IPv4Port}",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Path_option_replaces_the_default_path()
    {
        var run = await ProbeRun.RunAsync("linux-x64", ["--path", "/status/204"], new Dictionary<string, string>
        {
            ["HTTP_PORTS"] = app.IPv4Port.ToString(),
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 204 from http://localhost:{app.IPv4Port}/status/204", run.Line);
    }

    [Fact]
    public async Task Status_with_40_KB_of_set_cookie_headers_is_judged_as_curl_does()
    {
        var url = $"http://127.0.0.1:{app.IPv4Port}/big-cookies";

        var run = await ProbeRun.X64Async(url);

        Assert.True(await ReferenceClients.CurlSucceedsAsync(url));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"^healthy: HTTP 200 from {Escape(url)} in \d+ ms$", run.Line);
    }

    [Fact]
    public async Task Http2_only_port_is_named_with_the_fix()
    {
        var url = $"http://127.0.0.1:{app.Http2OnlyPort}/healthz";

        var run = await ProbeRun.X64Async(url);

        Assert.False(await ReferenceClients.CurlSucceedsAsync(url));
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"unhealthy: HTTP 400 from {url} in ", run.Line);
        Assert.Contains("the port speaks HTTP/2 only", run.Line);
        Assert.Contains("Protocols=Http1AndHttp2", run.Line);
        Assert.Contains("grpc://", run.Line);
    }

    [Fact]
    public async Task Plain_400_gets_no_http2_hint()
    {
        var run = await ProbeRun.X64Async($"http://127.0.0.1:{app.IPv4Port}/status/400");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.EndsWith("(expected 200-399)", run.Line);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
