using System.Text.Json;

namespace ContainerHealth.Verify;

/// <summary>
/// The part of <c>docker/podman container inspect</c> a verify watches: running or not, the exit code, the health status
/// and log. Podman before 4.3 calls <c>State.Health</c> <c>State.Healthcheck</c>.
/// </summary>
public sealed record ContainerState(bool Running, int ExitCode, string? HealthStatus, IReadOnlyList<HealthLogEntry> HealthLog)
{
    public static ContainerState Parse(string inspectJson)
    {
        using var document = JsonDocument.Parse(inspectJson);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        var state = root.GetProperty("State");
        var running = state.TryGetProperty("Running", out var r) && r.ValueKind == JsonValueKind.True;
        var exitCode = state.TryGetProperty("ExitCode", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
        JsonElement health = default;
        var hasHealth = (state.TryGetProperty("Health", out health) || state.TryGetProperty("Healthcheck", out health)) && health.ValueKind == JsonValueKind.Object;
        if (!hasHealth)
        {
            return new ContainerState(running, exitCode, null, []);
        }

        var status = health.TryGetProperty("Status", out var s) ? s.GetString() : null;
        var log = health.TryGetProperty("Log", out var entries) && entries.ValueKind == JsonValueKind.Array
            ? entries.EnumerateArray().Select(entry => new HealthLogEntry(
                entry.TryGetProperty("ExitCode", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : -1,
                entry.TryGetProperty("Output", out var output) ? output.GetString() ?? "" : "",
                entry.TryGetProperty("Start", out var start) && start.TryGetDateTimeOffset(out var at) ? at : default)).ToList()
            : [];
        return new ContainerState(running, exitCode, string.IsNullOrEmpty(status) ? null : status, log);
    }
}
