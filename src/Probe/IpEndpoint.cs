using System.Buffers.Binary;
using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe;

/// <summary>An IPv4 or IPv6 address and a port: what the probe connects to.</summary>
internal sealed class IpEndpoint
{
    private readonly byte[] address;

    public IpEndpoint(byte[] address, int port)
    {
        if (address.Length is not (4 or 16))
        {
            throw new ArgumentException("an IP address has 4 or 16 bytes", nameof(address));
        }

        this.address = address;
        Port = port;
    }

    public static IpEndpoint Loopback4(int port) => new([127, 0, 0, 1], port);

    public static IpEndpoint Loopback6(int port) => new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], port);

    public bool IsIPv6 => address.Length == 16;

    public int Port { get; }

    public int Family => IsIPv6 ? LibC.AF_INET6 : LibC.AF_INET;

    /// <summary>Writes a sockaddr_in or sockaddr_in6 (Linux layout) and returns its length.</summary>
    public int WriteSocketAddress(Span<byte> destination)
    {
        var length = IsIPv6 ? 28 : 16;
        var target = destination[..length];
        target.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)Family);
        BinaryPrimitives.WriteUInt16BigEndian(target[2..], (ushort)Port);
        address.CopyTo(IsIPv6 ? target[8..] : target[4..]);
        return length;
    }

    // Concatenation rather than interpolation: the interpolation handler rents from ArrayPool, whose first return
    // seeds a random generator from /dev/urandom (docs/probe.md "Start-up").
    public override string ToString() => IsIPv6
        ? "[" + FormatIPv6() + "]:" + Port
        : address[0] + "." + address[1] + "." + address[2] + "." + address[3] + ":" + Port;

    /// <summary>RFC 5952 text: lowercase hex groups, the longest run of two or more zero groups shortened to "::".</summary>
    private string FormatIPv6()
    {
        Span<int> groups = stackalloc int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (address[2 * i] << 8) | address[(2 * i) + 1];
        }

        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength && i - start >= 2)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        var text = new System.Text.StringBuilder(39);
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (text.Length > 0 && text[^1] != ':')
            {
                text.Append(':');
            }

            text.Append(groups[i].ToString("x"));
        }

        return text.ToString();
    }
}
