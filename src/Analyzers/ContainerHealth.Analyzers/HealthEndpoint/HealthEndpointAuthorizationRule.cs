using System.Collections.Generic;
using System.Collections.Immutable;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0004: the endpoint the container probes must not require authorization, or the probe gets 401.</summary>
internal static class HealthEndpointAuthorizationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointRequiresAuthorization,
        title: "The health endpoint requires authorization",
        messageFormat: "The health endpoint at '{0}' requires authorization ({1}), so the container probe gets 401: add .AllowAnonymous() (or [AllowAnonymous]) to it",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The probe sends no credentials; RequireAuthorization, [Authorize] or an authorization fallback policy make the health check fail.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointRequiresAuthorization),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options)
    {
        var reported = new HashSet<Location>();
        foreach (var endpoint in map.Endpoints)
        {
            // UseHealthChecks is middleware: endpoint authorization never sees it.
            if (endpoint.Path is null
                || endpoint.Endpoint.Kind is EndpointKind.HealthChecksMiddleware or EndpointKind.AnyPath
                || endpoint.Conventions.AllowsAnonymous
                || !RoutePath.IsExactly(endpoint.Path, options.ProbedPath))
            {
                continue;
            }

            var reason = endpoint.Conventions.AuthorizationSource
                ?? (map.FallbackPolicySites.Length > 0 ? "the authorization fallback policy" : null);
            var location = endpoint.Endpoint.ChainLocation ?? endpoint.Endpoint.Location;
            if (reason is not null && reported.Add(location))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, endpoint.Path, reason));
            }
        }
    }
}
