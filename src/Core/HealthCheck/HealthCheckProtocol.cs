using ContainerHealth.Diagnostics;
using ContainerHealth.Probe;

namespace ContainerHealth.HealthCheck;

/// <summary>What the health check speaks to the app: an HTTP GET, the gRPC health service, or a TCP connect.</summary>
public enum HealthCheckProtocol
{
    Http,
    Grpc,
    Tcp,
}

/// <summary>
/// Picks the protocol once, for the HEALTHCHECK and every snippet: <c>ContainerHealthCheckProtocol</c> when set; else
/// grpc for a project that references a gRPC health service package and sets no <c>ContainerHealthCheckPath</c> (an
/// HTTP path says the app answers HTTP); else http.
/// </summary>
public static class HealthCheckProtocolChoice
{
    public const string Property = "ContainerHealthCheckProtocol";
    public const string ServiceProperty = "ContainerHealthCheckService";

    /// <summary>The project's package references that serve grpc.health.v1.Health (<see cref="HealthCheckDefaults.GrpcHealthPackages"/>).</summary>
    public static IReadOnlyList<string> GrpcHealthReferences(IEnumerable<string> packageReferences) =>
        packageReferences.Select(r => r.Trim()).Where(r => HealthCheckDefaults.GrpcHealthPackages.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();

    public static HealthCheckProtocol Decide(string property, bool pathSetByProject, IEnumerable<string> packageReferences, List<Diagnostic> diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(property))
        {
            switch (property.Trim().ToLowerInvariant())
            {
                case "http":
                    return HealthCheckProtocol.Http;
                case "grpc":
                    return HealthCheckProtocol.Grpc;
                case "tcp":
                    return HealthCheckProtocol.Tcp;
                default:
                    diagnostics.Add(new Diagnostic(
                        DiagnosticCodes.InvalidValue,
                        DiagnosticSeverity.Error,
                        $"{Property} is '{property}', which is not valid: expected http, grpc or tcp."));
                    break;
            }
        }

        return GrpcHealthReferences(packageReferences).Count > 0 && !pathSetByProject ? HealthCheckProtocol.Grpc : HealthCheckProtocol.Http;
    }

    /// <summary>The URL the probe is given when the port is pinned: <c>http://localhost:PORT/path</c>, <c>grpc://localhost:PORT</c>, <c>tcp://localhost:PORT</c>.</summary>
    public static string Url(HealthCheckProtocol protocol, int port, string path) => ProbeCommandLine.LocalUrl(HealthCheckCommand.ToScheme(protocol), port, path);

    /// <summary>
    /// ContainerHealthCheckService: a gRPC service name (the probe refuses control characters; spaces have no place in one
    /// either). Only a grpc check asks about a service, so on http or tcp it is ignored, with a warning.
    /// </summary>
    public static string Service(string text, HealthCheckProtocol protocol, List<Diagnostic> diagnostics)
    {
        var service = text.Trim();
        if (service.Length == 0)
        {
            return "";
        }

        if (service.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidValue,
                DiagnosticSeverity.Error,
                $"{ServiceProperty} is '{text}', which is not valid: expected a gRPC service name without spaces, e.g. my.package.Orders."));
            return "";
        }

        if (protocol != HealthCheckProtocol.Grpc)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidValue,
                DiagnosticSeverity.Warning,
                $"{ServiceProperty} is '{service}', but the check is {Name(protocol)}, which has no services: it is ignored. Set {Property}=grpc, or remove {ServiceProperty}."));
            return "";
        }

        return service;
    }

    /// <summary>The property's spelling of a protocol.</summary>
    public static string Name(HealthCheckProtocol protocol) => protocol.ToString().ToLowerInvariant();
}
