namespace ContainerHealth.TestBed.Leftovers;

/// <summary>What a fixture started or created, written down before it exists so a crashed run can be cleaned up.</summary>
public sealed record LeftoverRecord(
    string Id,
    ProcessIdentity Owner,
    ProcessIdentity? Process = null,
    string? ContainerId = null,
    IReadOnlyList<string>? Directories = null);
