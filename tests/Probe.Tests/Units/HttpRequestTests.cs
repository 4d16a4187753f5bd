using System.Text;
using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class HttpRequestTests
{
    [Fact]
    public void Request_is_a_get_with_host_and_connection_close()
    {
        Assert.True(ProbeUrl.TryParse("http://localhost:8080/healthz?x=1", out var url, out _));

        var request = Encoding.ASCII.GetString(HttpRequest.Build(url, null, []));

        Assert.Equal(
            "GET /healthz?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: healthprobe\r\nAccept: */*\r\nConnection: close\r\n\r\n",
            request);
    }

    [Theory]
    [InlineData("http://[::1]:8080/", "Host: [::1]:8080")]
    [InlineData("http://app/", "Host: app\r\n")]
    [InlineData("http://[::1]/", "Host: [::1]\r\n")]
    public void Host_header_follows_the_url(string text, string expected)
    {
        Assert.True(ProbeUrl.TryParse(text, out var url, out _));

        Assert.Contains(expected, Encoding.ASCII.GetString(HttpRequest.Build(url, null, [])));
    }

    [Fact]
    public void Host_override_and_extra_headers_are_sent_and_replace_defaults()
    {
        Assert.True(ProbeUrl.TryParse("http://127.0.0.1:8080/", out var url, out _));
        Assert.True(HttpHeader.TryParse("User-Agent: ecs-health", out var agent, out _));
        Assert.True(HttpHeader.TryParse("X-Key:  v  ", out var key, out _));

        var request = Encoding.ASCII.GetString(HttpRequest.Build(url, "api.internal", [agent, key]));

        Assert.Contains("\r\nHost: api.internal\r\n", request);
        Assert.Contains("\r\nUser-Agent: ecs-health\r\n", request);
        Assert.DoesNotContain("healthprobe", request);
        Assert.Contains("\r\nX-Key: v\r\n", request);
        Assert.EndsWith("Connection: close\r\n\r\n", request);
    }

    [Fact]
    public void Url_credentials_are_sent_as_basic_auth_unless_an_authorization_header_is_given()
    {
        Assert.True(ProbeUrl.TryParse("http://user:pass@127.0.0.1:8080/", out var url, out _));
        Assert.True(HttpHeader.TryParse("Authorization: Bearer t0ken", out var bearer, out _));

        var fromUrl = Encoding.ASCII.GetString(HttpRequest.Build(url, null, []));
        var fromHeader = Encoding.ASCII.GetString(HttpRequest.Build(url, null, [bearer]));

        Assert.Contains("\r\nAuthorization: Basic dXNlcjpwYXNz\r\n", fromUrl);
        Assert.Contains("\r\nHost: 127.0.0.1:8080\r\n", fromUrl);
        Assert.Contains("\r\nAuthorization: Bearer t0ken\r\n", fromHeader);
        Assert.DoesNotContain("Basic", fromHeader);
    }
}
