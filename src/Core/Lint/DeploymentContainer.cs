namespace ContainerHealth.Lint;

/// <summary>One container of a deployment file: its image, environment, ports and health checks, with positions.</summary>
public sealed record DeploymentContainer(
    string File,
    DeploymentKind Kind,
    string Name,
    string? Image,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<int> Ports,
    IReadOnlyList<DeploymentCheck> Checks);

/// <summary>
/// A health check or probe as the file states it. <see cref="Command"/> is the Docker test form (<c>CMD-SHELL</c>,
/// <c>CMD</c>) for ECS and compose, the exec command for Kubernetes; an httpGet probe has no command but a path and port.
/// </summary>
public sealed record DeploymentCheck(
    string Description,
    int Line,
    int Column,
    CheckCommand? Command,
    string? HttpPath = null,
    int? HttpPort = null);
