using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0005: RequireHost on the probed endpoint must let localhost through, or the probe gets 404.</summary>
internal static class HealthEndpointHostRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointHostExcludesLocalhost,
        title: "The health endpoint is restricted to hosts that exclude localhost",
        messageFormat: "The health endpoint at '{0}' only answers host {1}, so the container probe (Host: localhost) gets 404: add \"localhost\" to RequireHost or map the health endpoint outside the host restriction",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The probe runs inside the container and calls http://localhost; RequireHost or [Host] without localhost makes routing answer 404.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointHostExcludesLocalhost),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options)
    {
        var reported = new HashSet<Location>();
        foreach (var endpoint in map.Endpoints)
        {
            if (endpoint.Path is null
                || endpoint.Endpoint.Kind is EndpointKind.HealthChecksMiddleware or EndpointKind.AnyPath
                || endpoint.Conventions.Hosts is not { ExcludesLocalhost: true } hosts
                || !RoutePath.IsExactly(endpoint.Path, options.ProbedPath)
                || !reported.Add(hosts.Site))
            {
                continue;
            }

            var names = string.Join(", ", hosts.Hosts.Select(host => "'" + host + "'"));
            context.ReportDiagnostic(Diagnostic.Create(Rule, hosts.Site, endpoint.Path, names));
        }
    }
}
