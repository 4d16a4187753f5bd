using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe;

/// <summary>Everything one probe run needs, after arguments and environment are read and checked.</summary>
internal sealed record ProbeOptions(
    ProbeUrl Url,
    TimeSpan Timeout,
    IReadOnlyList<HttpHeader> Headers,
    string? HostHeader,
    StatusRanges Expect)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public const string DefaultPath = "/healthz";
}
