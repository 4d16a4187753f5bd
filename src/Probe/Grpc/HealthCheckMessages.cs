using System.Text;

namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// The two protobuf messages of grpc.health.v1 (health.proto): HealthCheckRequest { string service = 1; } and
/// HealthCheckResponse { ServingStatus status = 1; }, with the gRPC length-prefixed message framing around them.
/// </summary>
internal static class HealthCheckMessages
{
    public const int Serving = 1;

    private const int MaxMessageLength = 4096;

    /// <summary>The framed request: flag 0 (not compressed), 4-byte big-endian length, then the message.</summary>
    public static byte[] FramedRequest(string service)
    {
        var name = Encoding.UTF8.GetBytes(service);
        var lengthBytes = 0;
        for (var rest = (uint)name.Length; rest > 0 || lengthBytes == 0; rest >>= 7)
        {
            lengthBytes++;
        }

        // An empty service is the default value, which proto3 leaves out.
        var messageLength = name.Length == 0 ? 0 : 1 + lengthBytes + name.Length;
        var framed = new byte[5 + messageLength];
        Http2Frame.WriteUInt32(framed.AsSpan(1), (uint)messageLength);
        if (messageLength > 0)
        {
            var position = 5;
            framed[position++] = 0x0A; // field 1, wire type 2 (length-delimited)
            for (var rest = (uint)name.Length; ; rest >>= 7)
            {
                framed[position++] = (byte)(rest >= 0x80 ? rest & 0x7F | 0x80 : rest);
                if (rest < 0x80)
                {
                    break;
                }
            }

            name.CopyTo(framed, position);
        }

        return framed;
    }

    /// <summary>Reads the serving status out of the framed response body; absent field 1 means 0 (UNKNOWN).</summary>
    public static int ServingStatusOf(ReadOnlySpan<byte> body)
    {
        if (body.Length < 5)
        {
            throw new Http2Failure(body.Length == 0 ? "gRPC status OK without a response message" : "truncated gRPC message");
        }

        if (body[0] != 0)
        {
            throw new Http2Failure("compressed gRPC response, though the probe accepts no compression");
        }

        var length = Http2Frame.ReadUInt32(body[1..]);
        if (length > MaxMessageLength || length > body.Length - 5)
        {
            throw new Http2Failure($"gRPC message of {length} bytes, not a HealthCheckResponse");
        }

        var message = body.Slice(5, (int)length);
        var status = 0;
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            switch (tag & 7)
            {
                case 0:
                    var value = ReadVarint(message, ref position);
                    status = tag >> 3 == 1 ? (int)value : status;
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var skip = ReadVarint(message, ref position);
                    position = skip > (ulong)(message.Length - position) ? -1 : position + (int)skip;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new Http2Failure("malformed HealthCheckResponse");
            }

            if (position > message.Length || position < 0)
            {
                throw new Http2Failure("malformed HealthCheckResponse");
            }
        }

        return status;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length)
            {
                throw new Http2Failure("malformed HealthCheckResponse");
            }

            var octet = message[position++];
            value |= (ulong)(octet & 0x7F) << shift;
            if ((octet & 0x80) == 0)
            {
                return value;
            }
        }

        throw new Http2Failure("malformed HealthCheckResponse");
    }
}
