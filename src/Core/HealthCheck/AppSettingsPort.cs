using System.Text.Json;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The HTTP port an app's own configuration makes Kestrel listen on in Production: <c>Kestrel:Endpoints:*:Url</c>, else
/// <c>urls</c>, from appsettings.json with appsettings.Production.json over it (keys case-insensitive, as .NET
/// configuration reads them). Both override the ASPNETCORE_HTTP_PORTS the .NET images set.
/// </summary>
public static class AppSettingsPort
{
    private static readonly string[] Files = ["appsettings.json", "appsettings.Production.json"];

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static AppPort? Read(string projectDirectory)
    {
        var settings = new List<(string Key, string Value, string File)>();
        foreach (var name in Files)
        {
            var path = Path.Combine(projectDirectory, name);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
                Flatten(document.RootElement, "", name, settings);
            }
            catch (JsonException)
            {
                // The app cannot start with a malformed appsettings.json either; the port stays undecided here.
            }
        }

        // Later files override earlier ones key by key, as configuration providers do.
        var merged = new Dictionary<string, (string Value, string File)>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (key, value, file) in settings)
        {
            if (!merged.ContainsKey(key))
            {
                order.Add(key);
            }

            merged[key] = (value, file);
        }

        foreach (var key in order.Where(k => k.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase) && k.EndsWith(":Url", StringComparison.OrdinalIgnoreCase)))
        {
            if (HttpPort(merged[key].Value) is { } port)
            {
                return new AppPort(port, $"{merged[key].File} {key}", Pinned: true);
            }
        }

        if (merged.TryGetValue("urls", out var urls))
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

    private static void Flatten(JsonElement element, string prefix, string file, List<(string, string, string)> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, file, settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index++, file, settings);
                }

                break;
            case JsonValueKind.String:
                settings.Add((prefix, element.GetString()!, file));
                break;
            default:
                settings.Add((prefix, element.GetRawText(), file));
                break;
        }
    }
}
