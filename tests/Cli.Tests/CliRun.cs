using ContainerHealth.TestBed;

namespace ContainerHealth.Cli.Tests;

/// <summary>Runs the installed tool with an empty inspection cache of its own, output not a terminal (as in CI).</summary>
public static class CliRun
{
    public static async Task<ProcessResult> RunAsync(string[] arguments, string? workingDirectory = null)
    {
        var tool = await InstalledCli.GetAsync();
        using var cache = new TemporaryDirectory();
        return await ProcessRunner.RunAsync(
            tool, arguments, workingDirectory, new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache.Path }, TimeSpan.FromMinutes(3));
    }
}
