using System.Globalization;

namespace ContainerHealth.TestBed.Leftovers;

/// <summary>
/// Stops a private dockerd the way its service would: containers removed first (their shims outlive a killed daemon),
/// then SIGTERM so the daemon unmounts its layers and stops its containerd; SIGKILL only if it does not exit in time.
/// </summary>
internal static class EngineShutdown
{
    public static async Task StopAsync(string host, int pid)
    {
        var containers = await ProcessRunner.RunAsync("docker", ["-H", host, "ps", "--all", "--quiet"], timeout: TimeSpan.FromSeconds(30));
        var ids = containers.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (containers.ExitCode == 0 && ids.Length > 0)
        {
            await ProcessRunner.RunAsync("docker", ["-H", host, "rm", "--force", "--volumes", .. ids], timeout: TimeSpan.FromSeconds(60));
        }

        await ProcessRunner.RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(10));
        try
        {
            using var daemon = System.Diagnostics.Process.GetProcessById(pid);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await daemon.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Not our child after a crash sweep, or stuck: the ledger's kill follows.
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
