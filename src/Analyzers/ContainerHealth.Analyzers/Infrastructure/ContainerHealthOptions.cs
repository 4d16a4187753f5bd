using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// The MSBuild properties that reach the analyzers (declared as CompilerVisibleProperty in build/ContainerHealth.props).
/// The build's decision arrives as the <c>_ContainerHealthDecided*</c> properties; without them (older targets) the
/// public properties and their defaults are read as before.
/// </summary>
internal sealed class ContainerHealthOptions
{
    public const string DefaultProbedPath = "/healthz";

    /// <summary>The port the probe uses when ContainerHealthCheckPort is not set: the .NET images' ASPNETCORE_HTTP_PORTS.</summary>
    public const int DefaultContainerPort = 8080;

    private ContainerHealthOptions(bool containerSupport, bool healthCheck, string? decidedPath, bool customCommand, int containerPort, string protocol, bool protocolDecided, string? hostHeader, bool recordsEndpoints)
    {
        RecordsEndpoints = recordsEndpoints;
        Protocol = protocol;
        ProtocolDecided = protocolDecided;
        ContainerPort = containerPort;
        ContainerSupport = containerSupport;
        HealthCheck = healthCheck;
        DecidedPath = decidedPath;
        CustomCommand = customCommand;
        HostHeader = hostHeader;
    }

    /// <summary>EnableSdkContainerSupport: the SDK defaults it to true for Web SDK and executable projects, so only an explicit false turns us off.</summary>
    public bool ContainerSupport { get; }

    public bool HealthCheck { get; }

    /// <summary>The path the project pinned; null when the app decides it (<see cref="ProbedPath"/> over what the analysis confirms).</summary>
    public string? DecidedPath { get; }

    /// <summary>Whether the probed path is the one the app's health endpoints give (no ContainerHealthCheckPath).</summary>
    public bool PathDecidedByApp => DecidedPath is null;

    /// <summary>A ContainerHealthCheckCommand replaces the HTTP probe, so the probed path no longer matters.</summary>
    public bool CustomCommand { get; }

    /// <summary>The port the probe connects to (and sends in its Host header): the build's decision, else ContainerHealthCheckPort, else 8080.</summary>
    public int ContainerPort { get; }

    /// <summary>The Host header the probe sends when the build pinned one (an AllowedHosts filter that excludes localhost).</summary>
    public string? HostHeader { get; }

    public bool RulesApply => ContainerSupport && HealthCheck;

    /// <summary>
    /// Whether this compilation writes the app's health endpoints into its assembly (<c>_ContainerHealthRecordEndpoints</c>,
    /// set by the targets when compiling for a publish, the only time the build reads them): an ordinary build or the IDE
    /// does not pay for the generator's second walk of the mappings.
    /// </summary>
    public bool RecordsEndpoints { get; }

    /// <summary>The build's decided protocol (http, grpc, tcp, command), else ContainerHealthCheckProtocol as the project set it, or empty.</summary>
    public string Protocol { get; }

    /// <summary>Whether <see cref="Protocol"/> is the build's decision (then nothing is inferred from the compilation).</summary>
    public bool ProtocolDecided { get; }

    /// <summary>The path the container requests: the pinned one, else the one the app's confirmed health endpoints give, else /healthz.</summary>
    public string ProbedPath(AppHealthEndpoints found) => DecidedPath ?? found.ChooseProbePath() ?? DefaultProbedPath;

    /// <summary>
    /// Whether the container checks the app with grpc.health.v1 instead of an HTTP GET: the build's decision (made from the
    /// project's direct PackageReferences, so a gRPC health package that arrives transitively does not switch it); with
    /// older targets, the property, else gRPC when a gRPC health package is referenced.
    /// </summary>
    public bool ChecksOverGrpc(Compilation compilation) =>
        Protocol.Length > 0 || ProtocolDecided
            ? string.Equals(Protocol, "grpc", System.StringComparison.OrdinalIgnoreCase)
            : !CustomCommand && compilation.References.Any(ReferencesGrpcHealth);

    /// <summary>
    /// Told by the reference's file name, not compilation.ReferencedAssemblyNames: that binds every reference and, asked
    /// at compilation start, waits for the compiler's declaration table (a tenth of a second on a 1,000-file app).
    /// </summary>
    private static bool ReferencesGrpcHealth(MetadataReference reference) =>
        System.IO.Path.GetFileNameWithoutExtension(reference.Display ?? "") is "Grpc.AspNetCore.HealthChecks" or "Grpc.HealthCheck";

    public static ContainerHealthOptions Read(AnalyzerConfigOptionsProvider provider)
    {
        var global = provider.GlobalOptions;
        var decidedProtocol = Get(global, "_ContainerHealthDecidedProtocol");
        var decidedPath = Get(global, "_ContainerHealthDecidedPath");
        var customCommand = Get(global, "ContainerHealthCheckCommand") is { Length: > 0 }
            || string.Equals(decidedProtocol, "command", System.StringComparison.OrdinalIgnoreCase);
        return new ContainerHealthOptions(
            containerSupport: !IsFalse(Get(global, "EnableSdkContainerSupport")),
            healthCheck: !IsFalse(Get(global, "ContainerHealthCheck")),
            decidedPath: decidedPath is not null
                ? decidedPath.Length > 0 ? decidedPath : null
                : Get(global, "ContainerHealthCheckPath") is { Length: > 0 } path ? path : DefaultProbedPath,
            customCommand: customCommand,
            containerPort: Port(Get(global, "_ContainerHealthDecidedPort")) ?? Port(Get(global, "ContainerHealthCheckPort")) ?? DefaultContainerPort,
            protocol: decidedProtocol is { Length: > 0 } ? decidedProtocol : Get(global, "ContainerHealthCheckProtocol") ?? "",
            protocolDecided: decidedProtocol is { Length: > 0 },
            hostHeader: Get(global, "_ContainerHealthDecidedHostHeader") is { Length: > 0 } host ? host : null,
            recordsEndpoints: string.Equals(Get(global, "_ContainerHealthRecordEndpoints"), "true", System.StringComparison.OrdinalIgnoreCase));
    }

    public static ContainerHealthOptions Read(AnalyzerOptions options) => Read(options.AnalyzerConfigOptionsProvider);

    private static int? Port(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;

    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) ? value.Trim() : null;

    private static bool IsFalse(string? value) => string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase);
}
