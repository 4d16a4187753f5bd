using ContainerHealth.Diagnostics;

namespace ContainerHealth.HealthCheck;

/// <summary>What to do to the image: which probe to copy, which HEALTHCHECK to write, and what to tell the user.</summary>
public sealed record HealthCheckDecision
{
    /// <summary>The HEALTHCHECK to write into the image config, or null for none.</summary>
    public HealthCheckDefinition? Definition { get; init; }

    /// <summary>The runtime identifier whose probe to copy into the app layer, or null for no probe.</summary>
    public string? ProbeRuntimeIdentifier { get; init; }

    /// <summary>Where the probe lands in the image, e.g. <c>/app/healthprobe</c>.</summary>
    public string ProbePathInImage { get; init; } = "";

    public HealthCheckProtocol Protocol { get; init; } = HealthCheckProtocol.Http;

    /// <summary>Whether the check is the project's own ContainerHealthCheckCommand (then protocol, path and port describe the app, not the check).</summary>
    public bool CustomCommand { get; init; }

    /// <summary>Whether <see cref="Protocol"/> was chosen because the project references a gRPC health package (not set).</summary>
    public bool ProtocolFromPackages { get; init; }

    /// <summary>The path an http check probes, where it came from, and what the app's assembly said about it.</summary>
    public ProbePathDecision ProbePath { get; init; } = new(HealthCheckDefaults.Path, ProbePathChoice.DefaultSource, null, null, null);

    public string Path => ProbePath.Path;

    /// <summary>The gRPC service a grpc check asks about; empty for the server as a whole (and for http and tcp).</summary>
    public string Service { get; init; } = "";

    public AppPort Port { get; init; } = AppPort.Default;

    /// <summary>The Host header an http check sends because the app's host filter rejects localhost, or null.</summary>
    public HostHeader? HostHeader { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
