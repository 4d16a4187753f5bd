namespace ContainerHealth.HealthCheck;

/// <summary>
/// The HTTP port an app's own configuration makes Kestrel listen on in Production: <c>Kestrel:Endpoints:*:Url</c>, else
/// <c>urls</c>, from the app's <see cref="AppSettings"/>. Both override the ASPNETCORE_HTTP_PORTS the .NET images set.
/// </summary>
public static class AppSettingsPort
{
    public static AppPort? From(AppSettings settings)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase) && k.EndsWith(":Url", StringComparison.OrdinalIgnoreCase)))
        {
            var (value, file) = settings.Get(key)!.Value;
            if (HttpPort(value) is { } port)
            {
                return new AppPort(port, $"{file} {key}", Pinned: true);
            }
        }

        if (settings.Get("urls") is { } urls)
        {
            foreach (var url in urls.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (HttpPort(url) is { } port)
                {
                    return new AppPort(port, $"{urls.File} urls", Pinned: true);
                }
            }
        }

        return null;
    }

    /// <summary>The port of an <c>http://</c> URL as Kestrel takes it (<c>http://+:5000</c>, <c>http://*:80</c>, <c>http://[::]:5000</c>); null for https.</summary>
    public static int? HttpPort(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? UrlPort(url) : null;

    /// <summary>The port of an http:// or https:// URL as Kestrel takes it, the scheme's default when it names none; null for other schemes.</summary>
    public static int? UrlPort(string url)
    {
        var (scheme, defaultPort) = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? ("http://", 80)
            : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? ("https://", 443)
            : ("", 0);
        if (defaultPort == 0)
        {
            return null;
        }

        var authority = url[scheme.Length..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']'))
        {
            return defaultPort;
        }

        return HealthCheckPort.TryParse(authority[(colon + 1)..], out var port) ? port : null;
    }
}
