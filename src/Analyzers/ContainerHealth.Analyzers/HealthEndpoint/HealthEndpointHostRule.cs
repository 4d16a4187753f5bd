using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0005: RequireHost (or a UseHealthChecks port) on the probed endpoint must let the probe's localhost:PORT through, or it gets 404.</summary>
internal static class HealthEndpointHostRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointHostExcludesLocalhost,
        title: "The health endpoint is restricted to hosts or ports the probe does not use",
        messageFormat: "The health endpoint at '{0}' only answers host {1}, so the container probe (localhost, port {2}) gets 404: allow \"localhost:{2}\" (or map the health endpoint outside the restriction), or set ContainerHealthCheckPort to the port it answers",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The probe runs inside the container and calls http://localhost:PORT; RequireHost, [Host] or a UseHealthChecks port that exclude it make the app answer 404.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointHostExcludesLocalhost),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath)
    {
        var port = options.ContainerPort.ToString(CultureInfo.InvariantCulture);
        var reported = new HashSet<Location>();
        foreach (var endpoint in map.Endpoints)
        {
            if (endpoint.Path is null
                || endpoint.Endpoint.Kind == EndpointKind.AnyPath
                || endpoint.Facts.DevelopmentOnly is not null
                || !RoutePath.IsExactly(endpoint.Path, probedPath))
            {
                continue;
            }

            if (endpoint.Facts.Port is { } only && only != options.ContainerPort && reported.Add(endpoint.Endpoint.Location))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, endpoint.Endpoint.Location, endpoint.Path, "'*:" + only.ToString(CultureInfo.InvariantCulture) + "'", port));
            }
            else if (endpoint.Endpoint.Kind != EndpointKind.HealthChecksMiddleware
                && endpoint.Conventions.Hosts is { } hosts
                && hosts.ExcludesProbe(options.ContainerPort, options.HostHeader)
                && reported.Add(hosts.Site))
            {
                var names = string.Join(", ", hosts.Hosts.Select(host => "'" + host + "'"));
                context.ReportDiagnostic(Diagnostic.Create(Rule, hosts.Site, endpoint.Path, names, port));
            }
        }
    }
}
