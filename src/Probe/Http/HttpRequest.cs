using System.Text;

namespace ContainerHealth.Probe.Http;

/// <summary>The one request the probe sends: an HTTP/1.1 GET that asks the server to close the connection after it.</summary>
internal static class HttpRequest
{
    public static byte[] Build(ProbeUrl url, string? hostHeader, IReadOnlyList<HttpHeader> headers)
    {
        var text = new StringBuilder(256);
        text.Append("GET ").Append(url.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(hostHeader ?? (url.Port == 80 ? AuthorityHost(url) : url.Authority)).Append("\r\n");
        if (!Contains(headers, "User-Agent"))
        {
            text.Append("User-Agent: healthprobe\r\n");
        }

        if (!Contains(headers, "Accept"))
        {
            text.Append("Accept: */*\r\n");
        }

        // A --header "Authorization: ..." wins over the URL's user:password, as with curl.
        if (url.Credentials is { } credentials && !Contains(headers, "Authorization"))
        {
            text.Append("Authorization: ").Append(credentials.BasicAuthorization).Append("\r\n");
        }

        foreach (var header in headers)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string AuthorityHost(ProbeUrl url) => url.Host.Contains(':') ? $"[{url.Host}]" : url.Host;

    private static bool Contains(IReadOnlyList<HttpHeader> headers, string name)
    {
        foreach (var header in headers)
        {
            if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
