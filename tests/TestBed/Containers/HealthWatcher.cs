using System.Diagnostics;
using System.Text.Json;
using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Waits for a container's health verdict on the engine's event stream — every health_status change and every end of a
/// check's exec (exec_die), and the container's exit — reading State.Health at each, until it satisfies the wait.
/// </summary>
internal static class HealthWatcher
{
    public static async Task<HealthCheckReport> WaitAsync(DockerEngine engine, string container, HealthStatus? target, DateTimeOffset? since, TimeSpan bound)
    {
        bool Satisfied(HealthCheckReport report) =>
            report.Status == HealthStatus.None
            || ((target is null ? report.Status != HealthStatus.Starting : report.Status == target)
                && (since is null || report.LastProbe?.Start >= since));

        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // From a second ago: an event between the first look below and the subscription is replayed, not missed.
        var replayFrom = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in (string[])["events", "--since", replayFrom, "--filter", $"container={container}",
                     "--filter", "event=health_status", "--filter", "event=exec_die", "--filter", "event=die", "--format", "{{.Status}}"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in engine.ClientEnvironment)
        {
            start.Environment[name] = value;
        }

        using var events = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(bound);
        try
        {
            var report = await ReadAsync(engine, container);
            while (!Satisfied(report))
            {
                var status = await events.StandardOutput.ReadLineAsync(deadline.Token);
                report = await ReadAsync(engine, container);
                if (status is null or "die")
                {
                    break;
                }
            }

            return report;
        }
        catch (OperationCanceledException)
        {
            // Bound reached: report the state as it is.
            return await ReadAsync(engine, container);
        }
        finally
        {
            events.Kill();
        }
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
