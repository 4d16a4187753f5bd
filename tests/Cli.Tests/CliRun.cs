using ContainerHealth.TestBed;

namespace ContainerHealth.Cli.Tests;

/// <summary>Runs the installed tool with a private inspection cache, output not a terminal (as in CI).</summary>
public static class CliRun
{
    public static async Task<ProcessResult> RunAsync(string[] arguments, string? workingDirectory = null, IDictionary<string, string?>? environment = null)
    {
        var tool = await InstalledCli.GetAsync();
        var env = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "container-health-cli-cache-" + Guid.NewGuid().ToString("N")[..8]) };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return await ProcessRunner.RunAsync(tool, arguments, workingDirectory, env, TimeSpan.FromMinutes(3));
    }
}
