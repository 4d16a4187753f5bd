namespace ContainerHealth.Probe;

/// <summary>Short, stable words for the socket errors a probe meets (Linux errno, the same on x64 and arm64).</summary>
internal static class SocketErrorText
{
    public const int ConnectionReset = 104;

    public static string Describe(int errno) => errno switch
    {
        32 => "connection closed by the server (broken pipe)",
        97 => "address family not supported",
        99 => "address not available",
        100 => "network is down",
        101 => "network unreachable",
        ConnectionReset => "connection reset by the server",
        110 => "connection timed out",
        111 => "connection refused",
        113 => "host unreachable",
        _ => $"socket error {errno}",
    };
}
