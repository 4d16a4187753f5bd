using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// Cuts the byte stream from the server into frames. Every wait draws from the deadline; a frame over the maximum
/// payload, a close or a socket error ends the check. The first frame must be the server's SETTINGS (its preface) or a GOAWAY:
/// anything else is not an HTTP/2 server, and the first bytes are kept to show what it was.
/// </summary>
internal sealed class Http2FrameReader(TcpConnection connection)
{
    private readonly byte[] buffer = new byte[Http2Frame.HeaderLength + Http2Frame.MaxPayloadLength];
    private int start;
    private int end;
    private int frameEnd;
    private bool prefaceSeen;

    public byte Type { get; private set; }

    public byte Flags { get; private set; }

    public int StreamId { get; private set; }

    public ReadOnlySpan<byte> Payload => buffer.AsSpan(frameEnd - PayloadLength, PayloadLength);

    private int PayloadLength { get; set; }

    public bool HasFlag(byte flag) => (Flags & flag) != 0;

    public void Next(Deadline deadline)
    {
        start = frameEnd;
        Fill(Http2Frame.HeaderLength, deadline);
        var header = buffer.AsSpan(start, Http2Frame.HeaderLength);
        var length = header[0] << 16 | header[1] << 8 | header[2];
        Type = header[3];
        Flags = header[4];
        StreamId = (int)(Http2Frame.ReadUInt32(header[5..]) & 0x7FFF_FFFF);
        if (!prefaceSeen)
        {
            // A server may refuse with GOAWAY at once: Kestrel does on an HTTP/1-only port (HTTP_1_1_REQUIRED).
            var isPreface = Type == Http2Frame.Settings && !HasFlag(Http2Frame.AckFlag) && length % 6 == 0;
            var isRefusal = Type == Http2Frame.GoAway && length >= 8;
            if (StreamId != 0 || !(isPreface || isRefusal))
            {
                var looksLikeHttp1 = buffer.AsSpan(0, end).StartsWith("HTTP/1."u8);
                throw new Http2Failure(
                    looksLikeHttp1
                        ? "HTTP/1.x answer: the port does not speak cleartext HTTP/2 (Kestrel: Protocols=Http2)"
                        : "not an HTTP/2 server",
                    buffer.AsSpan(0, end).ToArray());
            }

            prefaceSeen = true;
        }

        if (length > Http2Frame.MaxPayloadLength)
        {
            throw new Http2Failure($"HTTP/2 frame of {length} bytes, over the {Http2Frame.MaxPayloadLength} allowed (FRAME_SIZE_ERROR)");
        }

        Fill(Http2Frame.HeaderLength + length, deadline);
        PayloadLength = length;
        frameEnd = start + Http2Frame.HeaderLength + length;
    }

    /// <summary>Receives until <paramref name="count"/> bytes from <see cref="start"/> are in the buffer.</summary>
    private void Fill(int count, Deadline deadline)
    {
        while (end - start < count)
        {
            if (buffer.Length - start < count)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                frameEnd -= start;
                start = 0;
            }

            var error = connection.Receive(buffer.AsSpan(end), deadline, out var received);
            if (error == TcpConnection.TimedOut)
            {
                throw Http2Failure.DeadlinePassed();
            }

            if (error != 0 || received == 0)
            {
                var what = error == 0 ? "connection closed by the server" : SocketErrorText.Describe(error);
                throw prefaceSeen
                    ? new Http2Failure(what + " inside the response")
                    : new Http2Failure(what + " before any response", buffer.AsSpan(0, end).ToArray());
            }

            end += received;
        }
    }
}
