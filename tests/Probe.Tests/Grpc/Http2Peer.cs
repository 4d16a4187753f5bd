using System.Net.Sockets;
using System.Text;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>
/// Raw HTTP/2 frames for scripted servers (behaviours of <see cref="Http2PeerServer"/>), written here from RFC 9113
/// and RFC 7541, independent of the probe's code.
/// </summary>
public static class Http2Peer
{
    public const byte Data = 0x0, Headers = 0x1, RstStream = 0x3, Settings = 0x4, Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8, Continuation = 0x9;
    public const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8;

    public static byte[] Frame(byte type, byte flags, int stream, params byte[] payload) =>
    [
        (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, type, flags,
        (byte)(stream >> 24), (byte)(stream >> 16), (byte)(stream >> 8), (byte)stream, .. payload,
    ];

    public static byte[] ServerSettings(params (ushort Id, uint Value)[] settings) =>
        Frame(Settings, 0, 0, [.. settings.SelectMany(s => (byte[])[(byte)(s.Id >> 8), (byte)s.Id, .. UInt32(s.Value)])]);

    /// <summary>Sends frames in one write.</summary>
    public static async Task SendAsync(Socket socket, CancellationToken token, params byte[][] frames) =>
        await socket.SendAsync(frames.SelectMany(f => f).ToArray(), token);

    public static byte[] UInt32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    /// <summary>A literal field without indexing, new name, raw strings (RFC 7541 §6.2.2).</summary>
    public static byte[] Literal(string name, string value) => [0x00, .. RawString(name), .. RawString(value)];

    /// <summary>A literal field with incremental indexing and a new name: it enters the dynamic table.</summary>
    public static byte[] IndexedLiteral(string name, string value) => [0x40, .. RawString(name), .. RawString(value)];

    /// <summary>:status 200 (static index 8).</summary>
    public static byte[] Status200 => [0x88];

    public static byte[] GrpcMessage(params byte[] message) => [0, .. UInt32((uint)message.Length), .. message];

    /// <summary>A complete, plain answer on stream 1: headers, HealthCheckResponse { status }, trailers with grpc-status 0.</summary>
    public static byte[] HealthResponse(int servingStatus) =>
    [
        .. Frame(Headers, EndHeaders, 1, [.. Status200, .. Literal("content-type", "application/grpc")]),
        .. Frame(Data, 0, 1, GrpcMessage(0x08, (byte)servingStatus)),
        .. Frame(Headers, EndHeaders | EndStream, 1, Literal("grpc-status", "0")),
    ];

    /// <summary>
    /// Reads the client's frames up to the end of its request on stream 1: a server answers a stream only once the
    /// client has opened it (the probe sends its request with the preface; a gRPC library may send it later).
    /// </summary>
    public static async Task ReadRequestAsync(Socket socket, CancellationToken token)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(socket, token);
            if (frame.Stream == 1 && frame.Type is Data or Headers && (frame.Flags & EndStream) != 0)
            {
                return;
            }
        }
    }

    public static async Task<(byte Type, byte Flags, int Stream, byte[] Payload)> ReadFrameAsync(Socket socket, CancellationToken token)
    {
        var header = new byte[9];
        await ReadExactlyAsync(socket, header, token);
        var payload = new byte[header[0] << 16 | header[1] << 8 | header[2]];
        await ReadExactlyAsync(socket, payload, token);
        return (header[3], header[4], (header[5] & 0x7F) << 24 | header[6] << 16 | header[7] << 8 | header[8], payload);
    }

    private static byte[] RawString(string text) => [(byte)text.Length, .. Encoding.ASCII.GetBytes(text)];

    private static async Task ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken token)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(read), token);
            if (count == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            read += count;
        }
    }
}
