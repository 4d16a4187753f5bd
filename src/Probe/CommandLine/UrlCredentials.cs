namespace ContainerHealth.Probe;

/// <summary>The user and password of <c>http://user:password@host/</c>, percent-decoded, ready to send as Basic auth.</summary>
internal sealed class UrlCredentials
{
    private UrlCredentials(string basicAuthorization)
    {
        BasicAuthorization = basicAuthorization;
    }

    /// <summary>The Authorization value curl and wget send for such a URL: "Basic " + base64("user:password").</summary>
    public string BasicAuthorization { get; }

    /// <summary>Reads "user", "user:" or "user:password"; every byte outside visible ASCII must be %-encoded.</summary>
    public static bool TryParse(string userInfo, out UrlCredentials? credentials)
    {
        credentials = null;
        var colon = userInfo.IndexOf(':');
        var user = colon < 0 ? userInfo : userInfo[..colon];
        var password = colon < 0 ? "" : userInfo[(colon + 1)..];
        if (user.Length == 0 || !TryPercentDecode(user, out var userBytes) || !TryPercentDecode(password, out var passwordBytes))
        {
            return false;
        }

        var pair = new byte[userBytes.Length + 1 + passwordBytes.Length];
        userBytes.CopyTo(pair, 0);
        pair[userBytes.Length] = (byte)':';
        passwordBytes.CopyTo(pair, userBytes.Length + 1);
        credentials = new UrlCredentials("Basic " + Convert.ToBase64String(pair));
        return true;
    }

    private static bool TryPercentDecode(string text, out byte[] bytes)
    {
        var decoded = new List<byte>(text.Length);
        bytes = [];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= ' ' || c >= 0x7F || c is '@' or '/' or '?' or '#')
            {
                return false;
            }

            if (c != '%')
            {
                decoded.Add((byte)c);
                continue;
            }

            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return false;
            }

            decoded.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
            i += 2;
        }

        bytes = decoded.ToArray();
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
