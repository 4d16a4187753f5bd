using ContainerHealth.HealthCheck;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// Picks the decision whose HEALTHCHECK goes into one image of an archive, by its manifest digest (null in a
/// docker-archive, which has no manifests) and its config digest; null leaves that image unchanged.
/// </summary>
public delegate HealthCheckDecisionRecord? HealthCheckSelector(string? manifestDigest, string configDigest);
