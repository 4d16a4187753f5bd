namespace ContainerHealth.Probe;

public enum ProbeScheme
{
    Http,
    Tcp,
    Grpc,
}

/// <summary>
/// What the probe checks: <c>http://[user:password@]host[:port][/path]</c>, <c>tcp://host:port</c> or <c>grpc://host:port[/service]</c>. A small parser of its own rather
/// than System.Uri: the probe needs only this subset, and must refuse what it cannot send safely (spaces, CR/LF).
/// </summary>
internal sealed class ProbeUrl
{
    private ProbeUrl(ProbeScheme scheme, string host, int port, string pathAndQuery, UrlCredentials? credentials = null)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        PathAndQuery = pathAndQuery;
        Credentials = credentials;
    }

    public ProbeScheme Scheme { get; }

    /// <summary>The host name or IP literal, without the brackets of an IPv6 literal.</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>Starts with "/" for http; empty for tcp; for grpc "/service", or empty for the server's overall health.</summary>
    public string PathAndQuery { get; }

    /// <summary>The user and password of http://user:pass@host/, sent as Basic auth (as curl and wget do); never printed.</summary>
    public UrlCredentials? Credentials { get; }

    /// <summary>host:port as written in a URL and in a Host header ("[::1]:8080").</summary>
    public string Authority => (Host.Contains(':') ? $"[{Host}]" : Host) + ":" + Port;

    public static ProbeUrl Http(string host, int port, string pathAndQuery) => new(ProbeScheme.Http, host, port, pathAndQuery);

    public ProbeUrl WithPath(string pathAndQuery) => new(Scheme, Host, Port, pathAndQuery, Credentials);

    public static ProbeUrl ForScheme(ProbeScheme scheme, string host, int port) =>
        new(scheme, host, port, scheme == ProbeScheme.Http ? "/" : "");

    public static string SchemeName(ProbeScheme scheme) => scheme switch
    {
        ProbeScheme.Tcp => "tcp",
        ProbeScheme.Grpc => "grpc",
        _ => "http",
    };

    public override string ToString() => $"{SchemeName(Scheme)}://{Authority}{PathAndQuery}";

    public static bool TryParse(string text, out ProbeUrl url, out string error)
    {
        url = null!;
        var shown = WithoutPassword(text);
        ProbeScheme scheme;
        string rest;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            scheme = ProbeScheme.Http;
            rest = text["http://".Length..];
        }
        else if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            scheme = ProbeScheme.Tcp;
            rest = text["tcp://".Length..];
        }
        else if (text.StartsWith("grpc://", StringComparison.OrdinalIgnoreCase))
        {
            scheme = ProbeScheme.Grpc;
            rest = text["grpc://".Length..];
        }
        else if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{shown} needs TLS, which the probe does not speak: probe the app's plain HTTP port instead (e.g. http://localhost:8080/healthz)";
            return false;
        }
        else
        {
            error = $"'{shown}' is not a probe URL: use http://host:port/path, tcp://host:port or grpc://host:port[/service]";
            return false;
        }

        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var pathAndQuery = authorityEnd < 0 ? "" : rest[authorityEnd..];

        UrlCredentials? credentials = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (scheme == ProbeScheme.Tcp)
            {
                error = $"{shown}: a tcp:// URL has no user or password";
                return false;
            }

            if (!UrlCredentials.TryParse(authority[..at], out credentials))
            {
                error = $"{shown}: the user and password must be URL-encoded (user:password@host)";
                return false;
            }

            authority = authority[(at + 1)..];
        }

        if (!TrySplitAuthority(authority, out var host, out var portText))
        {
            error = $"{shown}: '{authority}' is not a host[:port]";
            return false;
        }

        int port;
        if (portText is null)
        {
            if (scheme != ProbeScheme.Http)
            {
                error = $"{shown} needs a port, e.g. {SchemeName(scheme)}://localhost:8080";
                return false;
            }

            port = 80;
        }
        else if (!PortNumber.TryParse(portText, out port))
        {
            error = $"{shown}: '{portText}' is not a port (1-65535)";
            return false;
        }

        var fragment = pathAndQuery.IndexOf('#');
        if (fragment >= 0)
        {
            pathAndQuery = pathAndQuery[..fragment];
        }

        if (scheme == ProbeScheme.Tcp)
        {
            if (pathAndQuery.Length > 0)
            {
                error = $"{shown}: a tcp:// URL has no path";
                return false;
            }
        }
        else if (scheme == ProbeScheme.Grpc)
        {
            if (!IsServicePath(pathAndQuery))
            {
                error = $"{text}: after host:port comes only /service, a gRPC service name (no spaces, '?', '#' or further '/')";
                return false;
            }

            pathAndQuery = pathAndQuery == "/" ? "" : pathAndQuery;
        }
        else
        {
            pathAndQuery = pathAndQuery.Length == 0 ? "/" : pathAndQuery[0] == '?' ? "/" + pathAndQuery : pathAndQuery;
            if (!IsSendablePath(pathAndQuery))
            {
                error = $"{shown}: the path must be URL-encoded (no spaces, control or non-ASCII characters)";
                return false;
            }
        }

        url = new ProbeUrl(scheme, host, port, pathAndQuery, credentials);
        error = "";
        return true;
    }

    /// <summary>A request target the probe can put on the request line as is.</summary>
    public static bool IsSendablePath(string pathAndQuery)
    {
        if (pathAndQuery.Length == 0 || pathAndQuery[0] != '/')
        {
            return false;
        }

        foreach (var c in pathAndQuery)
        {
            if (c <= ' ' || c >= 0x7F || c == '#')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"", "/" or "/name": the service whose health a grpc:// URL asks for.</summary>
    private static bool IsServicePath(string path)
    {
        if (path.Length == 0)
        {
            return true;
        }

        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] is <= ' ' or >= (char)0x7F or '/' or '?' or '#' or '%')
            {
                return false;
            }
        }

        return path[0] == '/';
    }

    /// <summary>The URL as error messages show it, which Docker keeps in the health log: a password becomes "***".</summary>
    public static string WithoutPassword(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return text;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        var at = text.LastIndexOf('@', authorityEnd < 0 ? text.Length - 1 : authorityEnd - 1);
        var colon = at < authorityStart ? -1 : text.IndexOf(':', authorityStart, at - authorityStart);
        return colon < 0 ? text : text[..(colon + 1)] + "***" + text[at..];
    }

    private static bool TrySplitAuthority(string authority, out string host, out string? port)
    {
        host = "";
        port = null;
        string rest;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority[1..close];
            if (host.Length == 0 || !host.Contains(':') || !ConsistsOf(host, "0123456789abcdefABCDEF:."))
            {
                return false;
            }

            rest = authority[(close + 1)..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            rest = colon < 0 ? "" : authority[colon..];
            if (host.Length == 0 || !ConsistsOf(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"))
            {
                return false;
            }
        }

        if (rest.Length == 0)
        {
            return true;
        }

        if (rest[0] != ':')
        {
            return false;
        }

        port = rest[1..];
        return true;
    }

    private static bool ConsistsOf(string text, string allowed)
    {
        foreach (var c in text)
        {
            if (!allowed.Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}
