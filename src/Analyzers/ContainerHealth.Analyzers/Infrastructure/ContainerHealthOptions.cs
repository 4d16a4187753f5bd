using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>The MSBuild properties that reach the analyzers (declared as CompilerVisibleProperty in build/ContainerHealth.props).</summary>
internal sealed class ContainerHealthOptions
{
    public const string DefaultProbedPath = "/healthz";

    /// <summary>The port the probe uses when ContainerHealthCheckPort is not set: the .NET images' ASPNETCORE_HTTP_PORTS.</summary>
    public const int DefaultContainerPort = 8080;

    private ContainerHealthOptions(bool containerSupport, bool healthCheck, string probedPath, bool customCommand, int containerPort, string protocol, bool pathSetByProject)
    {
        Protocol = protocol;
        PathSetByProject = pathSetByProject;
        ContainerPort = containerPort;
        ContainerSupport = containerSupport;
        HealthCheck = healthCheck;
        ProbedPath = probedPath;
        CustomCommand = customCommand;
    }

    /// <summary>EnableSdkContainerSupport: the SDK defaults it to true for Web SDK and executable projects, so only an explicit false turns us off.</summary>
    public bool ContainerSupport { get; }

    public bool HealthCheck { get; }

    public string ProbedPath { get; }

    /// <summary>A ContainerHealthCheckCommand replaces the HTTP probe, so the probed path no longer matters.</summary>
    public bool CustomCommand { get; }

    /// <summary>The port the probe connects to (and sends in its Host header): ContainerHealthCheckPort, else 8080.</summary>
    public int ContainerPort { get; }

    public bool RulesApply => ContainerSupport && HealthCheck;

    /// <summary>ContainerHealthCheckProtocol as the project set it (http, grpc, tcp), or empty.</summary>
    public string Protocol { get; }

    /// <summary>Whether the project itself set ContainerHealthCheckPath (the targets fill in /healthz after).</summary>
    public bool PathSetByProject { get; }

    /// <summary>
    /// Whether the container checks the app with grpc.health.v1 instead of an HTTP GET — the build's decision
    /// (HealthCheckProtocolChoice): the property, else gRPC when a gRPC health package is referenced and no path is set.
    /// </summary>
    public bool ChecksOverGrpc(Compilation compilation) =>
        Protocol.Length > 0
            ? string.Equals(Protocol, "grpc", System.StringComparison.OrdinalIgnoreCase)
            : !PathSetByProject && !CustomCommand && compilation.References.Any(ReferencesGrpcHealth);

    /// <summary>
    /// Told by the reference's file name, not compilation.ReferencedAssemblyNames: that binds every reference and, asked
    /// at compilation start, waits for the compiler's declaration table (a tenth of a second on a 1,000-file app).
    /// </summary>
    private static bool ReferencesGrpcHealth(MetadataReference reference) =>
        System.IO.Path.GetFileNameWithoutExtension(reference.Display ?? "") is "Grpc.AspNetCore.HealthChecks" or "Grpc.HealthCheck";

    public static ContainerHealthOptions Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return new ContainerHealthOptions(
            containerSupport: !IsFalse(Get(global, "EnableSdkContainerSupport")),
            healthCheck: !IsFalse(Get(global, "ContainerHealthCheck")),
            probedPath: Get(global, "ContainerHealthCheckPath") is { Length: > 0 } path ? path : DefaultProbedPath,
            customCommand: Get(global, "ContainerHealthCheckCommand") is { Length: > 0 },
            containerPort: int.TryParse(Get(global, "ContainerHealthCheckPort"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                ? port
                : DefaultContainerPort,
            protocol: Get(global, "ContainerHealthCheckProtocol") ?? "",
            pathSetByProject: string.Equals(Get(global, "_ContainerHealthCheckPathSetByProject"), "true", System.StringComparison.OrdinalIgnoreCase));
    }

    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) ? value.Trim() : null;

    private static bool IsFalse(string? value) => string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase);
}
