using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>
/// @grpc/grpc-js and grpc-health-check (pinned in Grpc/node/package.json), installed with npm into
/// artifacts/grpc-node on first use: the second gRPC implementation, and the client whose verdict is ground truth.
/// </summary>
public static class NodeGrpc
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool installed;

    public static string ScriptsDirectory => RepositoryLayout.Path("tests", "Probe.Tests", "Grpc", "node");

    public static string InstallDirectory => RepositoryLayout.Path("artifacts", "grpc-node");

    /// <summary>Where node finds the packages (NODE_PATH): the scripts stay in the source tree, node_modules never does.</summary>
    public static string NodePath => Path.Combine(InstallDirectory, "node_modules");

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (installed)
            {
                return;
            }

            using var crossProcess = await CrossProcessLock.AcquireAsync(Path.Combine(InstallDirectory, ".install.lock"));
            var manifest = await File.ReadAllTextAsync(Path.Combine(ScriptsDirectory, "package.json"));
            var installedManifest = Path.Combine(InstallDirectory, "package.json");
            var upToDate = File.Exists(installedManifest) && await File.ReadAllTextAsync(installedManifest) == manifest &&
                Directory.Exists(Path.Combine(NodePath, "grpc-health-check"));
            if (!upToDate)
            {
                await File.WriteAllTextAsync(installedManifest, manifest);
                var result = await ProcessRunner.RunAsync(
                    "npm",
                    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                    workingDirectory: InstallDirectory,
                    timeout: TimeSpan.FromMinutes(5));
                result.EnsureSuccess();
            }

            installed = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static IDictionary<string, string?> Environment => new Dictionary<string, string?> { ["NODE_PATH"] = NodePath };
}
