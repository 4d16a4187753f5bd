using ContainerHealth.Cli.Inspect;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Probe;

/// <summary>The static probes the tool carries, one per architecture, at probe/&lt;rid&gt;/healthprobe beside the tool.</summary>
public static class ShippedProbe
{
    public static readonly IReadOnlyList<string> Architectures = ["amd64", "arm64"];

    /// <summary>The probe's path for <paramref name="architecture"/> (amd64, arm64); a usage error when this tool has none.</summary>
    public static string PathFor(string architecture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "probe", PlatformName.RuntimeIdentifier(new Platform("linux", architecture)), HealthCheckDefaults.ProbeFileName);
        return File.Exists(path) ? path
            : throw new UsageException($"this container-health has no probe for {architecture} ({path} is missing); install the tool from its package (dotnet tool install ContainerHealth.Cli)");
    }
}
