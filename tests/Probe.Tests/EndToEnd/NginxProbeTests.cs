using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-x64 probe against Debian's nginx, checked against curl and busybox wget on the same URLs.</summary>
[Trait("Tier", "Engine")]
public sealed class NginxProbeTests(NginxServer nginx) : IClassFixture<NginxServer>
{
    private static readonly string EncodedCredentials = NginxServer.User + ":" + Uri.EscapeDataString(NginxServer.Password);

    [Fact]
    public async Task Healthy_nginx_is_healthy()
    {
        var run = await ProbeRun.X64Async(nginx.Url("/healthz"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from {nginx.Url("/healthz")}", run.Line);
    }

    [Theory]
    [InlineData("/big-cookies", 200, true)]
    [InlineData("/big-cookies-503", 503, false)]
    public async Task Status_with_30_KB_of_set_cookie_headers_is_judged_as_curl_does(string path, int status, bool healthy)
    {
        var url = nginx.Url(path);

        var run = await ProbeRun.X64Async(url, "--timeout", "10s");

        Assert.Equal(healthy, await ReferenceClients.CurlSucceedsAsync(url));
        Assert.True(run.ExitCode == (healthy ? 0 : 1), run.ToString());
        Assert.StartsWith($"{(healthy ? "healthy" : "unhealthy")}: HTTP {status} from {url}", run.Line);
    }

    [Fact]
    public async Task Url_credentials_are_sent_as_basic_auth_like_curl_and_wget()
    {
        var withCredentials = $"http://{EncodedCredentials}@127.0.0.1:{nginx.Port}/private";
        var wrongPassword = $"http://{NginxServer.User}:wrong@127.0.0.1:{nginx.Port}/private";
        var withoutCredentials = nginx.Url("/private");

        var accepted = await ProbeRun.X64Async(withCredentials);
        var refused = await ProbeRun.X64Async(wrongPassword);
        var anonymous = await ProbeRun.X64Async(withoutCredentials);

        Assert.True(await ReferenceClients.CurlSucceedsAsync(withCredentials));
        Assert.True(await ReferenceClients.BusyboxWgetSucceedsAsync(withCredentials));
        Assert.False(await ReferenceClients.CurlSucceedsAsync(wrongPassword));
        Assert.False(await ReferenceClients.CurlSucceedsAsync(withoutCredentials));
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://127.0.0.1:{nginx.Port}/private in ", accepted.Line);
        Assert.DoesNotContain(NginxServer.User, accepted.Line);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.StartsWith("unhealthy: HTTP 401", refused.Line);
        Assert.DoesNotContain("wrong", refused.Line);
        Assert.True(anonymous.ExitCode == 1, anonymous.ToString());
        Assert.StartsWith("unhealthy: HTTP 401", anonymous.Line);
    }
}
