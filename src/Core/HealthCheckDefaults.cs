namespace ContainerHealth;

/// <summary>
/// What a user gets with zero configuration, defined here once. Plain constants (no .NET 8 API) so that the analyzers
/// (netstandard2.0) can compile this file too; the targets need none of them: the decision gets the project's values
/// as the project set them, empty when unset.
/// </summary>
public static class HealthCheckDefaults
{
    /// <summary>The path an http check probes when the project names none and the app's assembly confirms none it maps; also the
    /// probe's own default (ProbeCommandLine.DefaultPath: the probe compiles without Core, a test pins that they agree).</summary>
    public const string Path = "/healthz";

    /// <summary>The port the .NET images make Kestrel listen on (ASPNETCORE_HTTP_PORTS).</summary>
    public const int Port = 8080;

    public const string ProbeFileName = "healthprobe";

    public const int IntervalSeconds = 30;

    public const int TimeoutSeconds = 5;

    // With a start period, Docker 25+ checks every start interval until the first success: a healthy app is reported
    // healthy within 2 s of listening (compose's depends_on: service_healthy), and an app that never starts is unhealthy
    // after 30 s + retries × interval. Engines without start intervals (Docker before 25, Podman) wait one interval.
    public const int StartPeriodSeconds = 30;

    public const int StartIntervalSeconds = 2;

    public const int Retries = 3;

    /// <summary>
    /// The packages that serve grpc.health.v1.Health (Grpc.AspNetCore.HealthChecks' MapGrpcHealthChecksService, and
    /// Grpc.HealthCheck): a direct PackageReference to one makes the check grpc when the project sets no path.
    /// </summary>
    public static readonly string[] GrpcHealthPackages = { "Grpc.AspNetCore.HealthChecks", "Grpc.HealthCheck" };
}
