namespace ContainerHealth.Lint;

/// <summary>What the project says about the image being published: its repository, the check path, the app's port, the probe.</summary>
public sealed record LintSettings
{
    /// <summary>The container that runs this image is the one whose image names this repository.</summary>
    public required string ContainerRepository { get; init; }

    public string CheckPath { get; init; } = HealthCheckDefaults.Path;

    /// <summary>What the image's own check speaks; only an http project has a path to compare (CH1009).</summary>
    public HealthCheck.HealthCheckProtocol Protocol { get; init; } = HealthCheck.HealthCheckProtocol.Http;

    /// <summary>
    /// The port the app listens on according to the project (ASPNETCORE_HTTP_PORTS, ContainerPort, ...) or the command line;
    /// null when nothing says, and then the image's own settings decide (see <see cref="AppPorts"/>).
    /// </summary>
    public int? AppPort { get; init; }

    /// <summary>An explicit port wins over what a deployment file declares for the container.</summary>
    public bool AppPortIsExplicit { get; init; }

    public bool ProbeEnabled { get; init; } = true;

    /// <summary>Where the probe lands in the image, e.g. /app/healthprobe.</summary>
    public string ProbePath { get; init; } = "/app/" + HealthCheckDefaults.ProbeFileName;

    /// <summary>Files under it come from the publish output, not the base image.</summary>
    public string WorkingDirectory { get; init; } = "/app/";
}
