using System.Text;
using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe;

/// <summary>
/// Turns the URL's host into addresses to try in order. "localhost" needs no resolver (an empty root has no
/// /etc/hosts): 127.0.0.1, then ::1. IP literals are parsed; any other name goes to the system resolver, which cannot
/// be bounded by a deadline from inside: <paramref name="beforeResolver"/> runs first, so the caller can guard it.
/// </summary>
internal static unsafe class EndpointResolution
{
    public static bool TryResolve(string host, int port, Action beforeResolver, out IReadOnlyList<IpEndpoint> endpoints, out string error)
    {
        error = "";
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoints = [IpEndpoint.Loopback4(port), IpEndpoint.Loopback6(port)];
            return true;
        }

        if (TryParseLiteral(host, port) is { } literal)
        {
            endpoints = [literal];
            return true;
        }

        if (host.Contains(':'))
        {
            endpoints = [];
            error = $"'{host}' is not an IPv6 address";
            return false;
        }

        beforeResolver();
        endpoints = Resolve(host, port);
        if (endpoints.Count == 0)
        {
            error = $"cannot resolve '{host}'";
            return false;
        }

        return true;
    }

    private static IpEndpoint? TryParseLiteral(string host, int port)
    {
        var text = NullTerminated(host);
        var address = stackalloc byte[16];
        fixed (byte* textPointer = text)
        {
            if (LibC.InetPton(LibC.AF_INET, textPointer, address) == 1)
            {
                return new IpEndpoint(new ReadOnlySpan<byte>(address, 4).ToArray(), port);
            }

            if (LibC.InetPton(LibC.AF_INET6, textPointer, address) == 1)
            {
                return new IpEndpoint(new ReadOnlySpan<byte>(address, 16).ToArray(), port);
            }
        }

        return null;
    }

    private static List<IpEndpoint> Resolve(string host, int port)
    {
        var found = new List<IpEndpoint>();
        var hints = new LibC.AddrInfo { SocketType = LibC.SOCK_STREAM };
        LibC.AddrInfo* results = null;
        var name = NullTerminated(host);
        fixed (byte* namePointer = name)
        {
            if (LibC.GetAddrInfo(namePointer, null, &hints, &results) != 0)
            {
                return found;
            }
        }

        try
        {
            for (var info = results; info != null; info = info->Next)
            {
                // sockaddr_in keeps the address at offset 4, sockaddr_in6 at offset 8.
                if (info->Family == LibC.AF_INET && info->AddressLength >= 8)
                {
                    found.Add(new IpEndpoint(new ReadOnlySpan<byte>(info->Address + 4, 4).ToArray(), port));
                }
                else if (info->Family == LibC.AF_INET6 && info->AddressLength >= 24)
                {
                    found.Add(new IpEndpoint(new ReadOnlySpan<byte>(info->Address + 8, 16).ToArray(), port));
                }
            }
        }
        finally
        {
            LibC.FreeAddrInfo(results);
        }

        return found;
    }

    private static byte[] NullTerminated(string text)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(text) + 1];
        Encoding.ASCII.GetBytes(text, bytes);
        return bytes;
    }
}
