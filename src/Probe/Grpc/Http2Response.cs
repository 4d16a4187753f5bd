namespace ContainerHealth.Probe.Grpc;

/// <summary>One complete response on the probe's stream: its header blocks in order (headers, then any trailers) and its body.</summary>
internal sealed class Http2Response
{
    public const int MaxBodyLength = 16384;

    private readonly byte[] body = new byte[MaxBodyLength];
    private int bodyLength;

    public List<List<HeaderField>> HeaderBlocks { get; } = [];

    public ReadOnlySpan<byte> Body => body.AsSpan(0, bodyLength);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxBodyLength - bodyLength)
        {
            throw new Http2Failure($"response body over {MaxBodyLength / 1024} KiB, not a HealthCheckResponse");
        }

        data.CopyTo(body.AsSpan(bodyLength));
        bodyLength += data.Length;
    }
}
