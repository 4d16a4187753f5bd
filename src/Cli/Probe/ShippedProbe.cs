namespace ContainerHealth.Cli.Probe;

/// <summary>The static probes the tool carries, one per architecture, at probe/&lt;rid&gt;/healthprobe beside the tool.</summary>
public static class ShippedProbe
{
    public static readonly IReadOnlyList<string> Architectures = ["amd64", "arm64"];

    public static string RuntimeIdentifier(string architecture) => architecture switch
    {
        "amd64" => "linux-x64",
        "arm64" => "linux-arm64",
        _ => throw new UsageException($"--arch '{architecture}' is not an architecture the probe is built for; give amd64 or arm64"),
    };

    /// <summary>The probe's path for <paramref name="architecture"/> (amd64, arm64); a usage error when this tool has none.</summary>
    public static string PathFor(string architecture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "probe", RuntimeIdentifier(architecture), HealthCheckDefaults.ProbeFileName);
        return File.Exists(path) ? path
            : throw new UsageException($"this container-health has no probe for {architecture} ({path} is missing); install the tool from its package (dotnet tool install ContainerHealth.Cli)");
    }

    /// <summary>The architecture of this machine, as container platforms name it.</summary>
    public static string HostArchitecture() =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
}
