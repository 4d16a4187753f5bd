namespace ContainerHealth.HealthCheck;

/// <summary>The ContainerHealth* property values exactly as the project set them (empty means "use the default").</summary>
public sealed record HealthCheckSettings
{
    public string Probe { get; init; } = "";

    /// <summary>ContainerHealthCheckPath; empty means the app's mapped health endpoints decide (a path set says the app answers HTTP).</summary>
    public string Path { get; init; } = "";

    /// <summary>ContainerHealthCheckProtocol: http, grpc or tcp; empty means "decide from the package references".</summary>
    public string Protocol { get; init; } = "";

    /// <summary>ContainerHealthCheckService: the gRPC service whose status a grpc check asks for; empty means the server as a whole.</summary>
    public string Service { get; init; } = "";

    public string Port { get; init; } = "";

    public string Interval { get; init; } = "";

    public string Timeout { get; init; } = "";

    public string StartPeriod { get; init; } = "";

    public string StartInterval { get; init; } = "";

    public string Retries { get; init; } = "";

    public string Command { get; init; } = "";
}
