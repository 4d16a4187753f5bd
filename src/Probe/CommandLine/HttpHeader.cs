namespace ContainerHealth.Probe.Http;

/// <summary>An extra request header from <c>--header "Name: value"</c>.</summary>
internal readonly struct HttpHeader(string name, string value)
{
    public string Name => name;

    public string Value => value;

    /// <summary>Headers the probe owns: Host has --host-header, and the connection is always closed after one request.</summary>
    private static readonly string[] Reserved = ["Host", "Connection", "Content-Length", "Transfer-Encoding", "Upgrade"];

    public static bool TryParse(string text, out HttpHeader header, out string error)
    {
        header = default;
        var colon = text.IndexOf(':');
        var name = colon < 0 ? "" : text[..colon];
        var value = colon < 0 ? "" : text[(colon + 1)..].Trim(' ', '\t');
        if (name.Length == 0 || !IsToken(name))
        {
            error = $"--header '{text}' is not \"Name: value\"";
            return false;
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0' || c >= 0x7F)
            {
                error = $"--header '{name}' has a value with control or non-ASCII characters";
                return false;
            }
        }

        foreach (var reserved in Reserved)
        {
            if (name.Equals(reserved, StringComparison.OrdinalIgnoreCase))
            {
                error = reserved == "Host"
                    ? "set the Host header with --host-header"
                    : $"--header '{name}' is set by the probe itself (one GET, then Connection: close)";
                return false;
            }
        }

        header = new HttpHeader(name, value);
        error = "";
        return true;
    }

    private static bool IsToken(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }
}
