using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe;

/// <summary>Everything one probe run needs, after arguments and environment are read and checked.</summary>
internal sealed class ProbeOptions(
    ProbeUrl url,
    TimeSpan timeout,
    IReadOnlyList<HttpHeader> headers,
    string? hostHeader,
    StatusRanges expect)
{
    public ProbeUrl Url => url;

    public TimeSpan Timeout => timeout;

    public IReadOnlyList<HttpHeader> Headers => headers;

    /// <summary>Replaces the Host header (for apps that use RequireHost); null sends the URL's host:port.</summary>
    public string? HostHeader => hostHeader;

    public StatusRanges Expect => expect;
}
