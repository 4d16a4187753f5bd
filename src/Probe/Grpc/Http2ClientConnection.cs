using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// The client side of one HTTP/2 connection with prior knowledge, for exactly one request on stream 1: it answers the
/// server's SETTINGS and PINGs, honours GOAWAY and RST_STREAM, joins HEADERS with their CONTINUATIONs under limits,
/// decodes every header block in order, and collects stream 1 until END_STREAM. WINDOW_UPDATE needs no answer: the
/// request fits in the initial window and the response is capped far below it.
/// </summary>
internal sealed class Http2ClientConnection(TcpConnection connection)
{
    public const int StreamId = 1;

    /// <summary>A header block and its CONTINUATIONs may hold this much, in at most this many frames.</summary>
    public const int MaxHeaderBlockLength = 16384;

    public const int MaxContinuationFrames = 32;

    private readonly Http2FrameReader reader = new(connection);
    private readonly HpackDecoder decoder = new();

    /// <summary>Preface, SETTINGS (no server push), then the request's HEADERS and DATA, in one write.</summary>
    public void SendRequest(ReadOnlySpan<byte> headerBlock, ReadOnlySpan<byte> message, Deadline deadline)
    {
        var preface = Http2Frame.ClientPreface;
        var request = new byte[preface.Length + 3 * Http2Frame.HeaderLength + 12 + headerBlock.Length + message.Length];
        var position = preface.Length;
        preface.CopyTo(request);

        Http2Frame.WriteHeader(request.AsSpan(position), 12, Http2Frame.Settings, 0, 0);
        position += Http2Frame.HeaderLength;
        position = WriteSetting(request, position, Http2Frame.SettingsEnablePush, 0);
        position = WriteSetting(request, position, Http2Frame.SettingsMaxHeaderListSize, HpackDecoder.MaxHeaderListSize);

        Http2Frame.WriteHeader(request.AsSpan(position), headerBlock.Length, Http2Frame.Headers, Http2Frame.EndHeadersFlag, StreamId);
        position += Http2Frame.HeaderLength;
        headerBlock.CopyTo(request.AsSpan(position));
        position += headerBlock.Length;

        Http2Frame.WriteHeader(request.AsSpan(position), message.Length, Http2Frame.Data, Http2Frame.EndStreamFlag, StreamId);
        position += Http2Frame.HeaderLength;
        message.CopyTo(request.AsSpan(position));

        Send(request, deadline, "while sending the request");
    }

    public Http2Response ReadResponse(Deadline deadline)
    {
        var response = new Http2Response();
        while (true)
        {
            reader.Next(deadline);
            var payload = reader.Payload;
            var onOurStream = reader.StreamId == StreamId;
            switch (reader.Type)
            {
                case Http2Frame.Settings when !reader.HasFlag(Http2Frame.AckFlag):
                    RequireLength(payload.Length % 6 == 0 && reader.StreamId == 0, "SETTINGS");
                    SendControlFrame(Http2Frame.Settings, Http2Frame.AckFlag, [], deadline);
                    break;
                case Http2Frame.Ping when !reader.HasFlag(Http2Frame.AckFlag):
                    RequireLength(payload.Length == 8, "PING");
                    SendControlFrame(Http2Frame.Ping, Http2Frame.AckFlag, payload, deadline);
                    break;
                case Http2Frame.GoAway:
                    RequireLength(payload.Length >= 8, "GOAWAY");
                    var lastStream = Http2Frame.ReadUInt32(payload) & 0x7FFF_FFFF;
                    var errorCode = Http2Frame.ReadUInt32(payload[4..]);
                    if (errorCode == Http2ErrorCodes.Http11Required)
                    {
                        throw new Http2Failure("the port speaks HTTP/1.1 only (GOAWAY HTTP_1_1_REQUIRED): gRPC needs cleartext HTTP/2 (Kestrel: Protocols=Http2)");
                    }

                    if (lastStream < StreamId)
                    {
                        // The server will not process the request; a GOAWAY that covers it lets the answer finish.
                        throw new Http2Failure($"the server closed the connection before the request (GOAWAY {Http2ErrorCodes.Name(errorCode)})");
                    }

                    break;
                case Http2Frame.RstStream when onOurStream:
                    RequireLength(payload.Length == 4, "RST_STREAM");
                    throw new Http2Failure($"the server reset the request (RST_STREAM {Http2ErrorCodes.Name(Http2Frame.ReadUInt32(payload))})");
                case Http2Frame.Headers:
                    RequireStream(onOurStream, "HEADERS");
                    var endStream = reader.HasFlag(Http2Frame.EndStreamFlag);
                    response.HeaderBlocks.Add(decoder.Decode(ReadHeaderBlock(deadline)));
                    if (endStream)
                    {
                        return response;
                    }

                    break;
                case Http2Frame.Data:
                    RequireStream(onOurStream, "DATA");
                    response.Append(WithoutPadding(payload, 0));
                    if (reader.HasFlag(Http2Frame.EndStreamFlag))
                    {
                        return response;
                    }

                    break;
                case Http2Frame.Continuation:
                    throw new Http2Failure("CONTINUATION without HEADERS (PROTOCOL_ERROR)");
                case Http2Frame.PushPromise:
                    throw new Http2Failure("PUSH_PROMISE though the probe disabled push (PROTOCOL_ERROR)");
            }
        }
    }

    /// <summary>The HEADERS fragment and its CONTINUATIONs as one block, padding and priority removed.</summary>
    private byte[] ReadHeaderBlock(Deadline deadline)
    {
        var priorityLength = reader.HasFlag(Http2Frame.PriorityFlag) ? 5 : 0;
        var block = new byte[MaxHeaderBlockLength];
        var fragment = WithoutPadding(reader.Payload, priorityLength);
        fragment.CopyTo(block);
        var length = fragment.Length;
        var continuations = 0;
        while (!reader.HasFlag(Http2Frame.EndHeadersFlag))
        {
            reader.Next(deadline);
            if (reader.Type != Http2Frame.Continuation || reader.StreamId != StreamId)
            {
                throw new Http2Failure("header block interrupted before END_HEADERS (PROTOCOL_ERROR)");
            }

            if (++continuations > MaxContinuationFrames || reader.Payload.Length > MaxHeaderBlockLength - length)
            {
                throw new Http2Failure($"header block over {MaxHeaderBlockLength / 1024} KiB or {MaxContinuationFrames} CONTINUATION frames");
            }

            reader.Payload.CopyTo(block.AsSpan(length));
            length += reader.Payload.Length;
        }

        return block.AsSpan(0, length).ToArray();
    }

    private ReadOnlySpan<byte> WithoutPadding(ReadOnlySpan<byte> payload, int prefixLength)
    {
        var padLength = 0;
        if (reader.HasFlag(Http2Frame.PaddedFlag))
        {
            RequireLength(payload.Length >= 1, "padded frame");
            padLength = payload[0];
            payload = payload[1..];
        }

        RequireLength(payload.Length >= prefixLength + padLength, "padded frame");
        return payload[prefixLength..^padLength];
    }

    private void SendControlFrame(byte type, byte flags, ReadOnlySpan<byte> payload, Deadline deadline)
    {
        var frame = new byte[Http2Frame.HeaderLength + payload.Length];
        Http2Frame.WriteHeader(frame, payload.Length, type, flags, 0);
        payload.CopyTo(frame.AsSpan(Http2Frame.HeaderLength));
        Send(frame, deadline, "while answering the server");
    }

    private void Send(ReadOnlySpan<byte> bytes, Deadline deadline, string when)
    {
        var error = connection.Send(bytes, deadline);
        if (error == TcpConnection.TimedOut)
        {
            throw Http2Failure.DeadlinePassed();
        }

        if (error != 0)
        {
            throw new Http2Failure(SocketErrorText.Describe(error) + " " + when);
        }
    }

    private static int WriteSetting(byte[] destination, int position, ushort identifier, uint value)
    {
        destination[position] = (byte)(identifier >> 8);
        destination[position + 1] = (byte)identifier;
        Http2Frame.WriteUInt32(destination.AsSpan(position + 2), value);
        return position + 6;
    }

    private static void RequireLength(bool valid, string frame)
    {
        if (!valid)
        {
            throw new Http2Failure($"malformed {frame} frame (FRAME_SIZE_ERROR)");
        }
    }

    private static void RequireStream(bool onOurStream, string frame)
    {
        if (!onOurStream)
        {
            throw new Http2Failure($"{frame} on a stream the probe did not open (PROTOCOL_ERROR)");
        }
    }
}
