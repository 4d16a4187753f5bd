namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class ResultLineTests
{
    private static ProbeUrl Url(string text) => ProbeUrl.TryParse(text, out var url, out _) ? url : throw new ArgumentException(text);

    [Fact]
    public void Healthy_http_line()
    {
        var line = ResultLine.Format(new HttpAnswered(Url("http://localhost:8080/healthz"), 200, TimeSpan.FromMilliseconds(2.7), StatusRanges.Default));

        Assert.Equal("healthy: HTTP 200 from http://localhost:8080/healthz in 2 ms", line);
    }

    [Fact]
    public void Unhealthy_http_line_names_the_expected_range()
    {
        var line = ResultLine.Format(new HttpAnswered(Url("http://localhost:8080/healthz"), 503, TimeSpan.FromMilliseconds(5), StatusRanges.Default));

        Assert.Equal("unhealthy: HTTP 503 from http://localhost:8080/healthz in 5 ms (expected 200-399)", line);
    }

    [Fact]
    public void Timeout_line()
    {
        Assert.Equal("unhealthy: no response within 3000 ms", ResultLine.Format(new NoResponse(TimeSpan.FromSeconds(3))));
    }

    [Fact]
    public void Refused_line_groups_addresses_that_failed_alike()
    {
        var line = ResultLine.Format(new ConnectFailed(
        [
            new ConnectAttempt(IpEndpoint.Loopback4(8080), 111),
            new ConnectAttempt(IpEndpoint.Loopback6(8080), 111),
        ]));

        Assert.Equal("unhealthy: connection refused (127.0.0.1:8080, [::1]:8080)", line);
    }

    [Fact]
    public void Different_connect_errors_are_listed_in_order()
    {
        var line = ResultLine.Format(new ConnectFailed(
        [
            new ConnectAttempt(IpEndpoint.Loopback4(8080), 111),
            new ConnectAttempt(IpEndpoint.Loopback6(8080), 99),
        ]));

        Assert.Equal("unhealthy: connection refused (127.0.0.1:8080); address not available ([::1]:8080)", line);
    }

    [Fact]
    public void Peer_bytes_are_shown_printable_and_short()
    {
        var bytes = "\u0016\u0003\u0001 \"quoted\" and a very long tail that goes on"u8.ToArray();

        var line = ResultLine.Format(new ResponseFailed(Url("http://a:1/"), "not an HTTP/1.x response", bytes));

        Assert.Equal("unhealthy: not an HTTP/1.x response from http://a:1/: \"... .quoted. and a very long tai...\"", line);
    }

    [Fact]
    public void Tcp_line()
    {
        Assert.Equal("healthy: connected to [::1]:5432 in 1 ms", ResultLine.Format(new TcpConnected(IpEndpoint.Loopback6(5432), TimeSpan.FromMilliseconds(1))));
    }

    [Fact]
    public void Connect_timeout_is_told_apart_from_no_response()
    {
        var line = ResultLine.Format(new ConnectTimedOut(IpEndpoint.Loopback4(8080), TimeSpan.FromMilliseconds(500)));

        Assert.Equal("unhealthy: connect timed out after 500 ms (127.0.0.1:8080)", line);
    }

    [Fact]
    public void Http2_only_answers_name_the_fix()
    {
        var answered = ResultLine.Format(new HttpAnswered(Url("http://localhost:8080/healthz"), 400, TimeSpan.FromMilliseconds(3), StatusRanges.Default, http2Only: true));
        var frames = ResultLine.Format(new ResponseFailed(Url("http://localhost:8080/healthz"), "HTTP/2 frames instead of an HTTP/1.x response", [], http2Only: true));

        Assert.Equal("unhealthy: HTTP 400 from http://localhost:8080/healthz in 3 ms (expected 200-399)" + ResultLine.Http2OnlyAdvice, answered);
        Assert.StartsWith("unhealthy: HTTP/2 frames instead of an HTTP/1.x response from http://localhost:8080/healthz: the port speaks HTTP/2 only", frames);
        Assert.Contains("Http1AndHttp2", ResultLine.Http2OnlyAdvice);
        Assert.Contains("grpc://", ResultLine.Http2OnlyAdvice);
    }
}
