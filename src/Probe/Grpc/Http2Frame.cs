namespace ContainerHealth.Probe.Grpc;

/// <summary>The HTTP/2 frame layout, types, flags and settings the probe reads or writes (RFC 9113 §4, §6).</summary>
internal static class Http2Frame
{
    public const int HeaderLength = 9;

    /// <summary>SETTINGS_MAX_FRAME_SIZE: the probe keeps the default, so no peer may send a larger frame.</summary>
    public const int MaxPayloadLength = 16384;

    public const byte Data = 0x0;
    public const byte Headers = 0x1;
    public const byte RstStream = 0x3;
    public const byte Settings = 0x4;
    public const byte PushPromise = 0x5;
    public const byte Ping = 0x6;
    public const byte GoAway = 0x7;
    public const byte WindowUpdate = 0x8;
    public const byte Continuation = 0x9;

    public const byte EndStreamFlag = 0x1;
    public const byte AckFlag = 0x1;
    public const byte EndHeadersFlag = 0x4;
    public const byte PaddedFlag = 0x8;
    public const byte PriorityFlag = 0x20;

    public const ushort SettingsEnablePush = 0x2;
    public const ushort SettingsMaxHeaderListSize = 0x6;

    public static ReadOnlySpan<byte> ClientPreface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static void WriteHeader(Span<byte> destination, int length, byte type, byte flags, int streamId)
    {
        destination[0] = (byte)(length >> 16);
        destination[1] = (byte)(length >> 8);
        destination[2] = (byte)length;
        destination[3] = type;
        destination[4] = flags;
        WriteUInt32(destination[5..], (uint)streamId);
    }

    public static uint ReadUInt32(ReadOnlySpan<byte> source) =>
        (uint)(source[0] << 24 | source[1] << 16 | source[2] << 8 | source[3]);

    public static void WriteUInt32(Span<byte> destination, uint value)
    {
        destination[0] = (byte)(value >> 24);
        destination[1] = (byte)(value >> 16);
        destination[2] = (byte)(value >> 8);
        destination[3] = (byte)value;
    }
}
