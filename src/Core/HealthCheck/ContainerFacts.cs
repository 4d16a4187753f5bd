namespace ContainerHealth.HealthCheck;

/// <summary>What the SDK's container targets decided for the image being built, as far as the health check cares.</summary>
public sealed record ContainerFacts
{
    public string RuntimeIdentifier { get; init; } = "";

    public string WorkingDirectory { get; init; } = "/app/";

    /// <summary>ContainerEnvironmentVariable items: name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables { get; init; } = [];

    /// <summary>The base image's own <c>NAME=value</c> environment, when it was inspected (never at compile time).</summary>
    public IReadOnlyList<string> BaseImageEnvironment { get; init; } = [];

    /// <summary>The project's directory, where appsettings.json lives; empty when unknown.</summary>
    public string ProjectDirectory { get; init; } = "";

    /// <summary>ContainerPort items: port number text and type (tcp/udp, empty means tcp).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Ports { get; init; } = [];

    /// <summary>The project's PackageReference item names (a gRPC health service package makes the check gRPC).</summary>
    public IReadOnlyList<string> PackageReferences { get; init; } = [];

    /// <summary>The built app assembly, which may carry the analyzers' record of its health endpoints; empty when unknown (at compile time).</summary>
    public string AppAssembly { get; init; } = "";

    /// <summary>Runtime identifiers the package ships a probe for.</summary>
    public IReadOnlyCollection<string> ProbeRuntimeIdentifiers { get; init; } = [];
}
