using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-x64 probe against busybox httpd, checked against curl on the same URLs.</summary>
[Trait("Tier", "Engine")]
public sealed class BusyboxHttpdProbeTests(BusyboxHttpd httpd) : IClassFixture<BusyboxHttpd>
{
    [Theory]
    [InlineData("/healthz", 200)]
    [InlineData("/missing", 404)]
    [InlineData("/private/", 401)]
    public async Task Verdict_and_status_agree_with_curl(string path, int status)
    {
        var url = httpd.Url(path);

        var run = await ProbeRun.X64Async(url);

        var healthy = await ReferenceClients.CurlSucceedsAsync(url);
        Assert.True(run.ExitCode == (healthy ? 0 : 1), run.ToString());
        Assert.StartsWith($"{(healthy ? "healthy" : "unhealthy")}: HTTP {status} from {url}", run.Line);
    }

    [Fact]
    public async Task Url_credentials_are_sent_as_basic_auth_like_curl_and_wget()
    {
        var withCredentials = $"http://{BusyboxHttpd.User}:{BusyboxHttpd.Password}@127.0.0.1:{httpd.Port}/private/";
        var wrongPassword = $"http://{BusyboxHttpd.User}:wrong@127.0.0.1:{httpd.Port}/private/";

        var accepted = await ProbeRun.X64Async(withCredentials);
        var refused = await ProbeRun.X64Async(wrongPassword);

        Assert.True(await ReferenceClients.CurlSucceedsAsync(withCredentials));
        Assert.True(await ReferenceClients.BusyboxWgetSucceedsAsync(withCredentials));
        Assert.False(await ReferenceClients.CurlSucceedsAsync(wrongPassword));
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from {httpd.Url("/private/")} in ", accepted.Line);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.StartsWith("unhealthy: HTTP 401", refused.Line);
    }
}
