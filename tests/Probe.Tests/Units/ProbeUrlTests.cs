namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class ProbeUrlTests
{
    [Theory]
    [InlineData("http://localhost:8080/healthz", "Http", "localhost", 8080, "/healthz")]
    [InlineData("HTTP://App:5000", "Http", "App", 5000, "/")]
    [InlineData("http://10.0.0.7", "Http", "10.0.0.7", 80, "/")]
    [InlineData("http://[::1]:8080/ready?full=1#top", "Http", "::1", 8080, "/ready?full=1")]
    [InlineData("http://host:81?x=1", "Http", "host", 81, "/?x=1")]
    [InlineData("tcp://db:5432", "Tcp", "db", 5432, "")]
    [InlineData("tcp://[fe80::1]:22", "Tcp", "fe80::1", 22, "")]
    public void Supported_urls_parse(string text, string scheme, string host, int port, string pathAndQuery)
    {
        Assert.True(ProbeUrl.TryParse(text, out var url, out var error), error);
        Assert.Equal(scheme, url.Scheme.ToString());
        Assert.Equal(host, url.Host);
        Assert.Equal(port, url.Port);
        Assert.Equal(pathAndQuery, url.PathAndQuery);
    }

    [Theory]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080/x")]
    [InlineData("http://localhost", "http://localhost:80/")]
    [InlineData("tcp://localhost:1", "tcp://localhost:1")]
    public void Urls_print_with_their_port(string text, string printed)
    {
        Assert.True(ProbeUrl.TryParse(text, out var url, out _));
        Assert.Equal(printed, url.ToString());
    }

    [Theory]
    [InlineData("https://localhost/healthz", "needs TLS")]
    [InlineData("localhost:8080", "not a probe URL")]
    [InlineData("ftp://x/", "not a probe URL")]
    [InlineData("http://us er:pw@host/", "user and password must be URL-encoded")]
    [InlineData("http://:pw@host/", "user and password must be URL-encoded")]
    [InlineData("http://user:p%zz@host/", "user and password must be URL-encoded")]
    [InlineData("tcp://user:pw@host:1", "no user or password")]
    [InlineData("http://host:0/", "not a port")]
    [InlineData("http://host:65536/", "not a port")]
    [InlineData("http://host:8o/", "not a port")]
    [InlineData("http://:80/", "not a host[:port]")]
    [InlineData("http://[::1/", "not a host[:port]")]
    [InlineData("http://[::1]x/", "not a host[:port]")]
    [InlineData("http://ho st/", "not a host[:port]")]
    [InlineData("http://host/a b", "URL-encoded")]
    [InlineData("http://host/a\r\nX-Injected: 1", "URL-encoded")]
    [InlineData("http://host/caf\u00e9", "URL-encoded")]
    [InlineData("tcp://host", "needs a port")]
    [InlineData("tcp://host:1/path", "has no path")]
    public void Unsupported_or_unsafe_urls_are_refused(string text, string reason)
    {
        Assert.False(ProbeUrl.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("http://user:pass@host:8080/healthz", "Basic dXNlcjpwYXNz")]
    [InlineData("http://user@host/", "Basic dXNlcjo=")]
    [InlineData("http://us%40er:p%3Ass%20w@host/", "Basic dXNAZXI6cDpzcyB3")]
    public void Credentials_in_the_url_become_basic_auth_and_are_never_printed(string text, string authorization)
    {
        Assert.True(ProbeUrl.TryParse(text, out var url, out var error), error);

        Assert.Equal(authorization, url.Credentials?.BasicAuthorization);
        Assert.Equal("host", url.Host);
        Assert.DoesNotContain("@", url.ToString());
        Assert.DoesNotContain("@", url.WithPath("/other").ToString());
        Assert.Equal(authorization, url.WithPath("/other").Credentials?.BasicAuthorization);
    }

    [Theory]
    [InlineData("http://user:s3cret@host:0/", "http://user:***@host:0/")]
    [InlineData("http://user:s3cret@ho st/x", "http://user:***@ho st/x")]
    [InlineData("https://user:s3cret@host/", "https://user:***@host/")]
    [InlineData("http://user:s3%zz@host/", "http://user:***@host/")]
    public void Errors_never_show_the_password(string text, string shown)
    {
        Assert.False(ProbeUrl.TryParse(text, out _, out var error));

        Assert.DoesNotContain("s3", error);
        Assert.Contains(shown, error);
    }
}
