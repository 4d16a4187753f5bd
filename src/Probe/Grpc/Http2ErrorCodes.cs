namespace ContainerHealth.Probe.Grpc;

/// <summary>The names of HTTP/2 error codes (RFC 9113 §7) carried by RST_STREAM and GOAWAY.</summary>
internal static class Http2ErrorCodes
{
    public const uint Http11Required = 0xd;

    private static readonly string[] Names =
    [
        "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED",
        "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
        "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED",
    ];

    public static string Name(uint code) => code < Names.Length ? Names[code] : "error 0x" + code.ToString("x");
}
