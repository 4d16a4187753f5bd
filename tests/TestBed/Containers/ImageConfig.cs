using System.Text.Json;

namespace ContainerHealth.TestBed.Containers;

/// <summary>The parts of an OCI/Docker image config the tests look at.</summary>
public sealed record ImageConfig(
    string Architecture,
    string Os,
    string? User,
    IReadOnlyList<string> Env,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Cmd,
    string? WorkingDir,
    HealthcheckConfig? Healthcheck,
    IReadOnlyDictionary<string, string> Labels,
    JsonElement Raw)
{
    public string? GetEnv(string name) =>
        Env.LastOrDefault(e => e.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>An image config blob as registries and archives store it (<c>architecture</c>, <c>os</c>, <c>config</c>).</summary>
    public static ImageConfig Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement.Clone();
        return From(root, root.GetProperty("architecture").GetString()!, root.GetProperty("os").GetString()!, "config");
    }

    /// <summary>The config blob of an image in a test registry, as the registry serves it (<c>skopeo inspect --config</c>).</summary>
    public static async Task<ImageConfig> FromRegistryAsync(Registry.TestRegistry registry, string reference)
    {
        List<string> arguments = ["inspect", "--config", "--raw", "--tls-verify=false"];
        if (registry.Credentials is { } credentials)
        {
            arguments.Add($"--creds={credentials.UserName}:{credentials.Password}");
        }

        return Parse((await ProcessRunner.RunAsync("skopeo", [.. arguments, $"docker://{reference}"])).EnsureSuccess().StandardOutput);
    }

    /// <summary>The first image of <c>docker image inspect</c>'s output (<c>Architecture</c>, <c>Os</c>, <c>Config</c>).</summary>
    public static ImageConfig FromDockerInspect(string json)
    {
        var root = JsonDocument.Parse(json).RootElement[0].Clone();
        return From(root, root.GetProperty("Architecture").GetString()!, root.GetProperty("Os").GetString()!, "Config");
    }

    private static ImageConfig From(JsonElement root, string architecture, string os, string configProperty)
    {
        var config = root.TryGetProperty(configProperty, out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new ImageConfig(
            architecture,
            os,
            String(config, "User"),
            Strings(config, "Env") ?? [],
            Strings(config, "Entrypoint"),
            Strings(config, "Cmd"),
            String(config, "WorkingDir"),
            ParseHealthcheck(config),
            ParseLabels(config),
            root);
    }

    private static HealthcheckConfig? ParseHealthcheck(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("Healthcheck", out var check) || check.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Docker stores durations as nanoseconds.
        TimeSpan Duration(string name) => check.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromTicks(value.GetInt64() / 100)
            : TimeSpan.Zero;
        return new HealthcheckConfig(
            Strings(check, "Test") ?? [],
            Duration("Interval"),
            Duration("Timeout"),
            Duration("StartPeriod"),
            Duration("StartInterval"),
            check.TryGetProperty("Retries", out var retries) && retries.ValueKind == JsonValueKind.Number ? retries.GetInt32() : 0);
    }

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<string>? Strings(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : null;

    private static IReadOnlyDictionary<string, string> ParseLabels(JsonElement config) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? "")
            : new Dictionary<string, string>();
}
