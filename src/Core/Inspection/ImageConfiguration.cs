using System.Text.Json;

namespace ContainerHealth.Inspection;

/// <summary>What an image config says about running it: user, environment, PATH, ports, working dir, health check.</summary>
public sealed record ImageConfiguration(
    string? Os,
    string? Architecture,
    string? User,
    IReadOnlyList<string> Environment,
    IReadOnlyList<string> ExposedPorts,
    string? WorkingDirectory,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Command,
    ImageHealthcheck? Healthcheck)
{
    /// <summary>What a container runtime uses when the image sets no PATH.</summary>
    public const string DefaultSearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public IReadOnlyList<string> SearchPath =>
        (Variable("PATH") ?? DefaultSearchPath).Split(':', StringSplitOptions.RemoveEmptyEntries);

    public string? Variable(string name) =>
        Environment.Where(e => e.StartsWith(name + "=", StringComparison.Ordinal)).Select(e => e[(name.Length + 1)..]).LastOrDefault();

    /// <summary>Reads an OCI/Docker image config blob; malformed input is an <see cref="InvalidDataException"/>.</summary>
    public static ImageConfiguration Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            return new ImageConfiguration(
                Text(root, "os"),
                Text(root, "architecture"),
                Text(config, "User") is { Length: > 0 } user ? user : null,
                Strings(config, "Env") ?? [],
                config.ValueKind == JsonValueKind.Object && config.TryGetProperty("ExposedPorts", out var ports) && ports.ValueKind == JsonValueKind.Object
                    ? ports.EnumerateObject().Select(p => p.Name).ToList()
                    : [],
                Text(config, "WorkingDir") is { Length: > 0 } dir ? dir : null,
                Strings(config, "Entrypoint"),
                Strings(config, "Cmd"),
                ReadHealthcheck(config));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the image config is not valid JSON: {e.Message}", e);
        }
    }

    private static ImageHealthcheck? ReadHealthcheck(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("Healthcheck", out var check) || check.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        static TimeSpan? Duration(JsonElement check, string name) =>
            check.TryGetProperty(name, out var value) && value.TryGetInt64(out var nanoseconds) && nanoseconds > 0
                ? TimeSpan.FromTicks(nanoseconds / 100)
                : null;

        return new ImageHealthcheck(
            Strings(check, "Test") ?? [],
            Duration(check, "Interval"),
            Duration(check, "Timeout"),
            Duration(check, "StartPeriod"),
            Duration(check, "StartInterval"),
            check.TryGetProperty("Retries", out var retries) && retries.TryGetInt32(out var count) ? count : null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<string>? Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : null;
}
