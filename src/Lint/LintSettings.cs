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
    /// The port that wins over what a deployment file says for the container: the command line's <c>--port</c>, or the
    /// project's port when an environment set at deploy time cannot move the app off it; null when none does.
    /// </summary>
    public AppPorts? PortOverride { get; init; }

    /// <summary>
    /// The ports the app listens on when the file says nothing about them: the project's decided port (the build) or the
    /// image's own settings (the CLI, <see cref="AppPorts.OfImage"/>). See <see cref="AppPorts"/>.
    /// </summary>
    public AppPorts PortFallback { get; init; } = AppPorts.DotNetDefault;

    public bool ProbeEnabled { get; init; } = true;

    /// <summary>Where the probe lands in the image, e.g. /app/healthprobe.</summary>
    public string ProbePath { get; init; } = "/app/" + HealthCheckDefaults.ProbeFileName;

    /// <summary>Files under it come from the publish output, not the base image.</summary>
    public string WorkingDirectory { get; init; } = "/app/";
}
