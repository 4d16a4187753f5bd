using ContainerHealth.TestBed;

namespace ContainerHealth.Cli.Tests;

/// <summary>Runs the installed tool with an empty inspection cache of its own, output not a terminal (as in CI).</summary>
public static class CliRun
{
    public static async Task<ProcessResult> RunAsync(string[] arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var tool = await InstalledCli.GetAsync();
        using var cache = new TemporaryDirectory();
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["XDG_CACHE_HOME"] = cache.Path };
        return await ProcessRunner.RunAsync(tool, arguments, workingDirectory, variables, TimeSpan.FromMinutes(3));
    }
}
