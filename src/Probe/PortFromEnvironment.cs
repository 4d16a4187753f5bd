namespace ContainerHealth.Probe;

/// <summary>The port the probed app was told to listen on, read at run time from the container's own environment.</summary>
internal readonly struct EnvironmentPort(int port, string source)
{
    public int Port => port;

    /// <summary>The variable the port came from, or "default".</summary>
    public string Source => source;
}

/// <summary>
/// Finds the app's HTTP port the way Kestrel does (WebApplication.CreateBuilder, checked against Kestrel 10): a URLS
/// setting overrides HTTP_PORTS, and for each key the unprefixed variable beats DOTNET_, which beats ASPNETCORE_. So an
/// operator who sets ASPNETCORE_URLS at deploy time on an image that bakes ASPNETCORE_HTTP_PORTS=8080 moves the check
/// along with the app. Nothing set: 8080, the port of Microsoft's container images.
/// </summary>
internal static class PortFromEnvironment
{
    public const int DefaultPort = 8080;

    private static readonly string[] UrlsVariables = ["URLS", "DOTNET_URLS", "ASPNETCORE_URLS"];
    private static readonly string[] HttpPortsVariables = ["HTTP_PORTS", "DOTNET_HTTP_PORTS", "ASPNETCORE_HTTP_PORTS"];

    public static bool TryResolve(Func<string, string?> environment, out EnvironmentPort port, out string error)
    {
        error = "";
        foreach (var name in UrlsVariables)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (TryFirstHttpUrlPort(value, out var urlPort))
            {
                port = new EnvironmentPort(urlPort, name);
                return true;
            }

            port = default;
            error = $"{name}='{value}' has no http:// URL with a valid port: the probe speaks plain HTTP; pass the URL to probe";
            return false;
        }

        foreach (var name in HttpPortsVariables)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var first = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is [var entry, ..] ? entry : "";
            if (PortNumber.TryParse(first, out var listPort))
            {
                port = new EnvironmentPort(listPort, name);
                return true;
            }

            port = default;
            error = $"{name}='{value}' does not start with a port (1-65535)";
            return false;
        }

        port = new EnvironmentPort(DefaultPort, "default");
        return true;
    }

    /// <summary>The port of the first http:// entry of a URLS list ("https://+:443;http://+:8080" → 8080; no port → 80).</summary>
    private static bool TryFirstHttpUrlPort(string urls, out int port)
    {
        port = 0;
        foreach (var entry in urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var authority = entry["http://".Length..];
            var slash = authority.IndexOf('/');
            if (slash >= 0)
            {
                authority = authority[..slash];
            }

            // Host may be +, *, a name, an IPv4 or a bracketed IPv6 literal: the port follows the last ':' after any ']'.
            var hostEnd = authority.LastIndexOf(']');
            var colon = authority.LastIndexOf(':');
            if (colon <= hostEnd)
            {
                port = 80;
                return true;
            }

            return PortNumber.TryParse(authority.AsSpan(colon + 1), out port);
        }

        return false;
    }
}
