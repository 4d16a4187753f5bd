using ContainerHealth.TestBed;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// The tool as a user gets it: <c>dotnet pack src/Cli</c>, then <c>dotnet tool install --tool-path</c> from that folder.
/// Packed and installed once per test run; NuGet's package folder is private to the run, so an earlier build of the
/// same version is never picked up from the machine's cache.
/// </summary>
public static class InstalledCli
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public static string FeedDirectory => RepositoryLayout.Path("artifacts", "cli-feed");

    /// <summary>The installed <c>container-health</c> executable.</summary>
    public static Task<string> GetAsync() => Installed.Value;

    public static string PackagePath => Directory.GetFiles(FeedDirectory, "ContainerHealth.Cli.*.nupkg").Single();

    private static async Task<string> InstallAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        using (await CrossProcessLock.AcquireAsync(Path.Combine(FeedDirectory, ".pack.lock")))
        {
            foreach (var old in Directory.GetFiles(FeedDirectory, "*.nupkg"))
            {
                File.Delete(old);
            }

            var pack = await ProcessRunner.RunAsync(
                "dotnet", ["pack", RepositoryLayout.Path("src", "Cli", "ContainerHealth.Cli.csproj"), "-c", "Release", "-o", FeedDirectory, "-nologo", "-v:q"],
                timeout: TimeSpan.FromMinutes(10));
            pack.EnsureSuccess();
        }

        var root = RepositoryLayout.Path("artifacts", "cli-tool");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var toolPath = Path.Combine(root, "tools");
        var install = await ProcessRunner.RunAsync(
            "dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", FeedDirectory, "ContainerHealth.Cli"],
            environment: new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") },
            timeout: TimeSpan.FromMinutes(5));
        install.EnsureSuccess();
        return Path.Combine(toolPath, "container-health");
    }
}
