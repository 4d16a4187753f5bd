namespace ContainerHealth.Probe;

/// <summary>A TCP port as text: decimal digits only, 1-65535.</summary>
internal static class PortNumber
{
    public static bool TryParse(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.Length is 0 or > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port is >= 1 and <= 65535;
    }
}
