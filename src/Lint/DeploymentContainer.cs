namespace ContainerHealth.Lint;

/// <summary>
/// One container of a deployment file: its image, environment, declared ports, mounted paths and health checks, with
/// positions. <see cref="Ports"/> are the container-side ports the file declares (k8s containerPort, ECS portMappings,
/// compose ports/expose).
/// </summary>
public sealed record DeploymentContainer(
    string File,
    string Name,
    string? Image,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<int> Ports,
    IReadOnlyList<DeploymentCheck> Checks)
{
    /// <summary>Where the image is named (the container itself when it names none), for findings about the image.</summary>
    public FilePosition ImagePosition { get; init; }

    /// <summary>The file declares a port it writes as a variable (<c>${PORT}</c>): the app's port is unknown.</summary>
    public bool HasUnknownPorts { get; init; }

    /// <summary>Paths inside the container that a volume, bind mount, ConfigMap or Secret provides: their files are unknown.</summary>
    public IReadOnlyList<string> MountPaths { get; init; } = [];

    /// <summary>For a Dockerfile: its final stage, what it adds over <see cref="Image"/> (the base), and its HEALTHCHECK.</summary>
    public DockerfileImage? Dockerfile { get; init; }
}

/// <summary>
/// A health check or probe as the file states it. <see cref="Command"/> is the Docker test form (<c>CMD-SHELL</c>,
/// <c>CMD</c>) for ECS and compose, the exec command for Kubernetes; an httpGet probe has no command but a path and port.
/// <see cref="PortPosition"/> is where the probed port is written, when that can be told.
/// </summary>
public sealed record DeploymentCheck(
    string Description,
    int Line,
    int Column,
    CheckCommand? Command,
    string? HttpPath = null,
    int? HttpPort = null)
{
    public FilePosition? PortPosition { get; init; }

    /// <summary>The file the check is written in when not the container's (a compose override or an extended service's file).</summary>
    public string? File { get; init; }

    /// <summary>The check as the platform hands it to the engine; null for kubelet-side probes.</summary>
    public CheckRunSettings? Run { get; init; }
}

/// <summary>A 1-based line and column in a deployment file; 0 when the file as a whole is meant.</summary>
public readonly record struct FilePosition(int Line, int Column);
