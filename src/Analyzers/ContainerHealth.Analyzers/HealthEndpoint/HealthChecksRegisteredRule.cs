using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0003: MapHealthChecks / UseHealthChecks need AddHealthChecks(), or the app throws at startup.</summary>
internal static class HealthChecksRegisteredRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthChecksNotRegistered,
        title: "Health endpoint mapped without AddHealthChecks()",
        messageFormat: "'{0}' needs the health check services, but AddHealthChecks() is never called: add {1} (otherwise the app throws InvalidOperationException at startup)",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "MapHealthChecks and UseHealthChecks resolve HealthCheckService from the container; without AddHealthChecks() startup fails.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthChecksNotRegistered),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath)
    {
        if (map.HealthChecksRegistered)
        {
            return;
        }

        var servicesSite = map.ServicesSite;
        var additional = servicesSite is null ? Array.Empty<Location>() : new[] { servicesSite };
        var (registration, _) = AppSiteNames.Of(
            map.Sites.Any(site => site.Kind == AppSiteKind.WebApplicationBuild) ? map.PrimarySite : null,
            map.ConfigureServicesSites.Length > 0 ? map.ConfigureServicesSites[0] : null);
        var reported = new HashSet<Location>();
        foreach (var endpoint in map.Endpoints)
        {
            // A mapping the container never runs (IsDevelopment(), #if DEBUG) does not throw there.
            if (endpoint.Endpoint.IsHealthCheck && endpoint.Facts.DevelopmentOnly is null && endpoint.Facts.Library is null && reported.Add(endpoint.Endpoint.Location))
            {
                var call = endpoint.Endpoint.Kind == EndpointKind.HealthChecks ? "MapHealthChecks" : "UseHealthChecks";
                context.ReportDiagnostic(Diagnostic.Create(Rule, endpoint.Endpoint.Location, additional, call, registration));
            }
        }
    }
}
