namespace ContainerHealth.TestBed.Leftovers;

/// <summary>
/// What a fixture started or created, written down before it exists so a crashed run can be cleaned up. A record with a
/// <see cref="DockerHost"/> and a <see cref="Process"/> is a private engine; with a <see cref="ContainerId"/>, a container in it.
/// </summary>
public sealed record LeftoverRecord(
    string Id,
    ProcessIdentity Owner,
    ProcessIdentity? Process = null,
    string? ContainerId = null,
    IReadOnlyList<string>? Directories = null,
    string? DockerHost = null);
