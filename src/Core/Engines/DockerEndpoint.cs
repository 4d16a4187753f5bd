using System.Text.Json;

namespace ContainerHealth.Engines;

/// <summary>
/// Where the <c>docker</c> CLI would reach the engine, when we can reach it the same way without the CLI:
/// <c>DOCKER_HOST</c> (unix:// or plain tcp://), else the default socket when no other docker context is chosen.
/// Null where only the CLI knows the way (TLS, ssh://, a named context, Windows' pipe): callers then run the CLI.
/// </summary>
public static class DockerEndpoint
{
    private const string DefaultSocket = "unix:///var/run/docker.sock";

    public static string? Current() => Current(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());

    /// <summary>The same, with the environment variables and the platform given.</summary>
    public static string? Current(Func<string, string?> environment, bool windows)
    {
        var host = environment("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            var tls = !string.IsNullOrEmpty(environment("DOCKER_TLS_VERIFY"));
            return host.StartsWith("unix://", StringComparison.Ordinal) || (host.StartsWith("tcp://", StringComparison.Ordinal) && !tls) ? host : null;
        }

        return windows || OtherContextChosen(environment) ? null : DefaultSocket;
    }

    private static bool OtherContextChosen(Func<string, string?> environment)
    {
        if (environment("DOCKER_CONTEXT") is { Length: > 0 } context)
        {
            return context != "default";
        }

        var configDirectory = environment("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var config = Path.Combine(configDirectory, "config.json");
        if (!File.Exists(config))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(config));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("currentContext", out var current)
                && current.ValueKind == JsonValueKind.String
                && current.GetString() is { Length: > 0 } name && name != "default";
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // The CLI reads the same file and knows what to make of it.
            return true;
        }
    }
}
