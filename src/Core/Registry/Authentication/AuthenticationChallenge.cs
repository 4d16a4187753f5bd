using System.Net.Http.Headers;

namespace ContainerHealth.Registry.Authentication;

/// <summary>A parsed <c>WWW-Authenticate</c> header: <c>Bearer realm="...",service="...",scope="..."</c> or <c>Basic realm="..."</c>.</summary>
public sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public static AuthenticationChallenge? From(HttpResponseHeaders headers)
    {
        foreach (var header in headers.WwwAuthenticate)
        {
            if (Parse(header.Scheme + " " + header.Parameter) is { } challenge)
            {
                return challenge;
            }
        }

        return null;
    }

    /// <summary>Parses one challenge; quoted values may contain commas (scopes do: <c>pull,push</c>).</summary>
    public static AuthenticationChallenge? Parse(string header)
    {
        header = header.Trim();
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        if (scheme.Length == 0)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = space < 0 ? "" : header[(space + 1)..];
        var i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && (rest[i] == ',' || char.IsWhiteSpace(rest[i])))
            {
                i++;
            }

            var equals = rest.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = rest[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < rest.Length && rest[i] == '"')
            {
                var close = rest.IndexOf('"', i + 1);
                close = close < 0 ? rest.Length : close;
                value = rest[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = rest.IndexOf(',', i);
                comma = comma < 0 ? rest.Length : comma;
                value = rest[i..comma].Trim();
                i = comma;
            }

            parameters[name] = value;
        }

        return new AuthenticationChallenge(scheme, parameters);
    }
}
