using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe.Http;

/// <summary>
/// Recognises a cleartext port that speaks HTTP/2 only (prior knowledge), so the result can say so instead of showing a
/// bare 400 or binary bytes: Kestrel with Protocols=Http2 answers an HTTP/1.x request with a fixed 400 whose body
/// names the problem; other servers (grpc-go) answer with HTTP/2 frames.
/// </summary>
internal static class Http2OnlyEndpoint
{
    public const int RefusalStatus = 400;

    /// <summary>Kestrel's Http2Connection writes this body, with its 400 head, in one write.</summary>
    private static ReadOnlySpan<byte> KestrelRefusal => "An HTTP/1.x request was sent to an HTTP/2 only endpoint."u8;

    /// <summary>
    /// Whether the body after a 400 head is Kestrel's refusal. It usually came in with the head; when only part of it
    /// did, the rest is read within the deadline. An empty start is not waited on: a plain 400 keeps its verdict at once.
    /// </summary>
    public static bool IsRefusal(TcpConnection connection, ReadOnlySpan<byte> bodyStart, Deadline deadline)
    {
        Span<byte> body = stackalloc byte[KestrelRefusal.Length];
        var have = Math.Min(bodyStart.Length, body.Length);
        bodyStart[..have].CopyTo(body);
        while (have > 0 && have < body.Length && KestrelRefusal.StartsWith(body[..have]))
        {
            if (connection.Receive(body[have..], deadline, out var count) != 0 || count == 0)
            {
                break;
            }

            have += count;
        }

        return body[..have].SequenceEqual(KestrelRefusal);
    }

    /// <summary>An HTTP/2 frame header: a 24-bit length (small: its first byte is 0), then type SETTINGS (4) or GOAWAY (7).</summary>
    public static bool IsFrame(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.Length >= 4 && firstBytes[0] == 0 && firstBytes[3] is 4 or 7;
}
