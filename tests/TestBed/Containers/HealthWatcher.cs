using System.Diagnostics;
using System.Text.Json;
using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Waits on the engine's event stream for a container's health verdict (or its exit), then reads State.Health.
/// Events from a second before the first look are replayed, so a verdict reached in between is not missed.
/// </summary>
internal static class HealthWatcher
{
    public static async Task<HealthCheckReport> WaitAsync(DockerEngine engine, string container, HealthStatus? target, TimeSpan bound)
    {
        bool Reached(HealthStatus status) => target is null ? status != HealthStatus.Starting : status == target || status == HealthStatus.None;
        var current = await ReadAsync(engine, container);
        if (Reached(current.Status))
        {
            return current;
        }

        // Later events only: the state read above already covers what happened before.
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wanted = target switch
        {
            HealthStatus.Healthy => ["health_status: healthy"],
            HealthStatus.Unhealthy => ["health_status: unhealthy"],
            _ => new[] { "health_status: healthy", "health_status: unhealthy" },
        };

        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["events", "--since", since, "--filter", $"container={container}",
                     "--filter", "event=health_status", "--filter", "event=die", "--format", "{{.Status}}"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in engine.ClientEnvironment)
        {
            start.Environment[name] = value;
        }

        using (var events = Process.Start(start)!)
        using (var deadline = new CancellationTokenSource(bound))
        {
            try
            {
                while (await events.StandardOutput.ReadLineAsync(deadline.Token) is { } status && status != "die" && !wanted.Contains(status))
                {
                }
            }
            catch (OperationCanceledException)
            {
                // Bound reached: report the state as it is (Starting).
            }
            finally
            {
                events.Kill();
            }
        }

        return await ReadAsync(engine, container);
    }

    public static async Task<HealthCheckReport> ReadAsync(DockerEngine engine, string container)
    {
        var json = (await engine.DockerAsync("container", "inspect", "--format", "{{json .State.Health}}", container)).EnsureSuccess().StandardOutput.Trim();
        if (json is "null" or "")
        {
            return new HealthCheckReport(HealthStatus.None, 0, []);
        }

        using var health = JsonDocument.Parse(json);
        var root = health.RootElement;
        var status = root.GetProperty("Status").GetString() switch
        {
            "healthy" => HealthStatus.Healthy,
            "unhealthy" => HealthStatus.Unhealthy,
            "starting" => HealthStatus.Starting,
            _ => HealthStatus.None,
        };
        var probes = root.TryGetProperty("Log", out var log) && log.ValueKind == JsonValueKind.Array
            ? log.EnumerateArray().Select(p => new HealthProbeResult(
                p.GetProperty("Start").GetDateTimeOffset(),
                p.GetProperty("End").GetDateTimeOffset(),
                p.GetProperty("ExitCode").GetInt32(),
                p.GetProperty("Output").GetString() ?? "")).ToArray()
            : [];
        return new HealthCheckReport(status, root.GetProperty("FailingStreak").GetInt32(), probes);
    }
}
