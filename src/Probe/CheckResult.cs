namespace ContainerHealth.Probe;

/// <summary>What one check found: the facts only; <see cref="ResultLine"/> turns them into the line Docker keeps.</summary>
internal abstract class CheckResult
{
    public abstract bool IsHealthy { get; }
}

/// <summary>The server answered with a status, which is healthy when --expect contains it.</summary>
internal sealed class HttpAnswered(ProbeUrl url, int status, TimeSpan elapsed, StatusRanges expect, bool http2Only = false) : CheckResult
{
    public ProbeUrl Url => url;
    public int Status => status;
    public TimeSpan Elapsed => elapsed;
    public StatusRanges Expect => expect;

    /// <summary>The answer says the port speaks HTTP/2 only (Kestrel's 400 to an HTTP/1.x request).</summary>
    public bool Http2Only => http2Only;
    public override bool IsHealthy => expect.Contains(status);
}

/// <summary>A tcp:// check: something accepted the connection.</summary>
internal sealed class TcpConnected(IpEndpoint endpoint, TimeSpan elapsed) : CheckResult
{
    public IpEndpoint Endpoint => endpoint;
    public TimeSpan Elapsed => elapsed;
    public override bool IsHealthy => true;
}

/// <summary>The deadline passed after the connection was made (sending, or waiting for the response head), or while a name was resolved.</summary>
internal sealed class NoResponse(TimeSpan timeout) : CheckResult
{
    public TimeSpan Timeout => timeout;
    public override bool IsHealthy => false;
}

/// <summary>The deadline passed while connecting to <paramref name="endpoint"/>: nothing answered the handshake (a full backlog, a firewall that drops, an unroutable address).</summary>
internal sealed class ConnectTimedOut(IpEndpoint endpoint, TimeSpan timeout) : CheckResult
{
    public IpEndpoint Endpoint => endpoint;
    public TimeSpan Timeout => timeout;
    public override bool IsHealthy => false;
}

/// <summary>No address accepted a connection; each address with the errno it failed with, in the order tried.</summary>
internal sealed class ConnectFailed(IReadOnlyList<ConnectAttempt> attempts) : CheckResult
{
    public IReadOnlyList<ConnectAttempt> Attempts => attempts;
    public override bool IsHealthy => false;
}

/// <summary>Connected, but no usable response head came back (closed, reset, not HTTP, malformed, too large).</summary>
internal sealed class ResponseFailed(ProbeUrl url, string problem, byte[] firstBytes, bool http2Only = false) : CheckResult
{
    public ProbeUrl Url => url;
    public string Problem => problem;

    /// <summary>The peer answered with HTTP/2 frames: the port speaks HTTP/2 only.</summary>
    public bool Http2Only => http2Only;

    /// <summary>The start of what the peer sent, shown when it helps to see it (e.g. a TLS or SSH server).</summary>
    public byte[] FirstBytes => firstBytes;
    public override bool IsHealthy => false;
}

/// <summary>The probe could not check at all: bad usage, an https:// URL, a name that does not resolve.</summary>
internal sealed class NotChecked(string reason) : CheckResult
{
    public string Reason => reason;
    public override bool IsHealthy => false;
}
