using ContainerHealth.Cli.Inspect;
using ContainerHealth.Diagnostics;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Lint;

/// <summary>Inspects the image the files run and hands the files to the library's deployment-file lint.</summary>
public static class DeploymentLint
{
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(string[] files, string? image, Platform? platform, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        throw new UsageException("lint needs the deployment-file lint of ContainerHealth.Core, which this build does not have yet");
    }
}
