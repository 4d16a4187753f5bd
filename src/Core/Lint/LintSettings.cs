namespace ContainerHealth.Lint;

/// <summary>What the project says about the image being published: its repository, the check path, the app's port, the probe.</summary>
public sealed record LintSettings
{
    /// <summary>The container that runs this image is the one whose image names this repository.</summary>
    public required string ContainerRepository { get; init; }

    public string CheckPath { get; init; } = HealthCheckDefaults.Path;

    /// <summary>What the image's own check speaks; only an http project has a path to compare (CH1009).</summary>
    public HealthCheck.HealthCheckProtocol Protocol { get; init; } = HealthCheck.HealthCheckProtocol.Http;

    /// <summary>The port the app listens on according to the project (ASPNETCORE_HTTP_PORTS, ContainerPort, 8080).</summary>
    public int AppPort { get; init; } = HealthCheckDefaults.Port;

    public bool ProbeEnabled { get; init; } = true;

    /// <summary>Where the probe lands in the image, e.g. /app/healthprobe.</summary>
    public string ProbePath { get; init; } = "/app/" + HealthCheckDefaults.ProbeFileName;

    /// <summary>Files under it come from the publish output, not the base image.</summary>
    public string WorkingDirectory { get; init; } = "/app/";
}
