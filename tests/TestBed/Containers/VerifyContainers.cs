using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.TestBed.Containers;

/// <summary>ContainerHealth verify's containers on the test engine, found by the label every one of them carries.</summary>
public static class VerifyContainers
{
    public const string Label = "io.containerhealth.verify";

    /// <summary>
    /// The xUnit collection of the test classes that assert no verify container is left: they run one after another, so
    /// one class's container under way is not taken for another's leftover.
    /// </summary>
    public const string Collection = "Verify containers";

    public static async Task<IReadOnlyList<string>> ListAsync()
    {
        var engine = await DockerEngine.SharedAsync();
        var listed = (await engine.DockerAsync("ps", "--all", "--filter", "label=" + Label, "--format", "{{.Names}}")).EnsureSuccess();
        return listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Waits until a verify container exists (the verify is under way), up to a generous bound.</summary>
    public static async Task<bool> WaitUntilRunningAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while ((await ListAsync()).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            // Started by another process (the publish); nothing to await but the next look.
            await Task.Delay(200);
        }

        return true;
    }

    /// <summary>Waits for every verify container to be gone, up to a generous bound; returns those left.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilGoneAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var left = await ListAsync();
            if (left.Count == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }

            // The container is removed by another process (the guard); nothing to await but the next look.
            await Task.Delay(200);
        }
    }
}
