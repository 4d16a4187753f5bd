using System.Text.Json;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The app's configuration as Production reads it from its files: appsettings.json with appsettings.Production.json
/// over it, key by key, keys case-insensitive and flattened with ':' (as .NET configuration reads them). Read once per
/// decision for the port (<see cref="AppSettingsPort"/>) and the host filter (<see cref="AllowedHostsHeader"/>).
/// </summary>
public sealed class AppSettings
{
    private static readonly string[] Files = ["appsettings.json", "appsettings.Production.json"];

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, (string Value, string File)> merged;

    private AppSettings(Dictionary<string, (string Value, string File)> merged, IReadOnlyList<string> keys)
    {
        this.merged = merged;
        Keys = keys;
    }

    public static AppSettings Empty { get; } = new(new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>The keys in the order they first appear.</summary>
    public IReadOnlyList<string> Keys { get; }

    public static AppSettings Read(string projectDirectory)
    {
        if (projectDirectory.Length == 0)
        {
            return Empty;
        }

        var merged = new Dictionary<string, (string Value, string File)>(StringComparer.OrdinalIgnoreCase);
        var keys = new List<string>();
        foreach (var name in Files)
        {
            var path = Path.Combine(projectDirectory, name);
            if (!File.Exists(path))
            {
                continue;
            }

            var settings = new List<(string Key, string Value)>();
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
                Flatten(document.RootElement, "", settings);
            }
            catch (JsonException)
            {
                // The app cannot start with a malformed appsettings.json either; what it would say stays undecided here.
                continue;
            }

            foreach (var (key, value) in settings)
            {
                if (!merged.ContainsKey(key))
                {
                    keys.Add(key);
                }

                merged[key] = (value, name);
            }
        }

        return new AppSettings(merged, keys);
    }

    /// <summary>The value of <paramref name="key"/> and the file that set it last, or null.</summary>
    public (string Value, string File)? Get(string key) => merged.TryGetValue(key, out var entry) ? entry : null;

    private static void Flatten(JsonElement element, string prefix, List<(string, string)> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index++, settings);
                }

                break;
            case JsonValueKind.String:
                settings.Add((prefix, element.GetString()!));
                break;
            default:
                settings.Add((prefix, element.GetRawText()));
                break;
        }
    }
}
