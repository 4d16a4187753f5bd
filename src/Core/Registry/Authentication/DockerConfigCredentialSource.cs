using System.Text;
using System.Text.Json;

namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// Credentials the way <c>docker login</c> stores them: <c>$DOCKER_CONFIG/config.json</c> (else <c>~/.docker/config.json</c>),
/// looked up in <c>credHelpers</c>, then <c>credsStore</c>, then inline <c>auths</c>.
/// </summary>
public sealed class DockerConfigCredentialSource : IRegistryCredentialSource
{
    private const string DockerHubServer = "https://index.docker.io/v1/";

    private readonly string configPath;
    private readonly Action<string>? log;
    private readonly Dictionary<string, RegistryCredential?> found = new(StringComparer.OrdinalIgnoreCase);

    public DockerConfigCredentialSource(string? configPath = null, Action<string>? log = null)
    {
        this.configPath = configPath ?? DefaultConfigPath();
        this.log = log;
    }

    public static string DefaultConfigPath()
    {
        var directory = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(directory))
        {
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }

        return Path.Combine(directory, "config.json");
    }

    public RegistryCredential? Find(string registry)
    {
        lock (found)
        {
            if (!found.TryGetValue(registry, out var credential))
            {
                credential = Lookup(registry);
                found[registry] = credential;
            }

            return credential;
        }
    }

    private RegistryCredential? Lookup(string registry)
    {
        if (!File.Exists(configPath))
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configPath));
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            log?.Invoke($"ignoring {configPath}: {e.Message}");
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var server = registry == ImageReference.DockerHub ? DockerHubServer : registry;
        if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object)
        {
            foreach (var helper in helpers.EnumerateObject())
            {
                if (SameRegistry(helper.Name, registry) && helper.Value.GetString() is { Length: > 0 } name)
                {
                    return new CredentialHelper(name, log).Get(server);
                }
            }
        }

        if (root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in auths.EnumerateObject())
            {
                if (SameRegistry(entry.Name, registry) && FromAuthEntry(entry.Value) is { } inline)
                {
                    return inline;
                }
            }
        }

        if (root.TryGetProperty("credsStore", out var store) && store.GetString() is { Length: > 0 } storeName)
        {
            return new CredentialHelper(storeName, log).Get(server);
        }

        return null;
    }

    private static RegistryCredential? FromAuthEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string name) => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        if (Text("identitytoken") is { Length: > 0 } identityToken)
        {
            return new RegistryCredential("<token>", identityToken, isIdentityToken: true);
        }

        if (Text("auth") is { Length: > 0 } auth)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                var colon = pair.IndexOf(':');
                if (colon > 0)
                {
                    return new RegistryCredential(pair[..colon], pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return Text("username") is { Length: > 0 } username && Text("password") is { } password
            ? new RegistryCredential(username, password)
            : null;
    }

    /// <summary>config.json keys may be <c>host</c>, <c>https://host</c> or <c>https://host/v1/</c>.</summary>
    internal static bool SameRegistry(string key, string registry)
    {
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/');
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (host is "index.docker.io" or "registry-1.docker.io")
        {
            host = ImageReference.DockerHub;
        }

        return string.Equals(host, registry, StringComparison.OrdinalIgnoreCase);
    }
}
