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

    public static ImageConfig Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement.Clone();
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new ImageConfig(
            root.GetProperty("architecture").GetString()!,
            root.GetProperty("os").GetString()!,
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
