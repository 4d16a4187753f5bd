namespace ContainerHealth;

/// <summary>What a user gets with zero configuration.</summary>
public static class HealthCheckDefaults
{
    public const string Path = Probe.ProbeCommandLine.DefaultPath;
    public const int Port = 8080;
    public const string ProbeFileName = "healthprobe";
}
