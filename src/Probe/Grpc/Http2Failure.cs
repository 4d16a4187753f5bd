namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// Ends a gRPC check early: the peer broke HTTP/2 or HPACK, closed, reset, or the deadline passed. The message is the
/// problem as the result line shows it; <see cref="FirstBytes"/> holds what a peer that is not HTTP/2 sent.
/// </summary>
internal sealed class Http2Failure(string problem, byte[]? firstBytes = null, bool timedOut = false) : Exception(problem)
{
    public byte[] FirstBytes => firstBytes ?? [];

    public bool TimedOut => timedOut;

    public static Http2Failure DeadlinePassed() => new("", timedOut: true);
}
