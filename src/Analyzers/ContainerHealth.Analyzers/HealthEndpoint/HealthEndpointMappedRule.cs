using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0001 / CH0002: something answers GET at the path the container health check probes.</summary>
internal static class HealthEndpointMappedRule
{
    public const string PathProperty = "Path";
    public const string SiteProperty = "Site";

    public static readonly DiagnosticDescriptor NotMapped = new(
        DiagnosticIds.HealthEndpointNotMapped,
        title: "No health endpoint is mapped at the path the container probes",
        messageFormat: "No endpoint is mapped at '{0}', the path the container health check probes: add {1} and {2}.MapHealthChecks(\"{0}\"), or set ContainerHealthCheckPath",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The container's HEALTHCHECK probes this path over HTTP; without an endpoint there the container is never healthy and orchestrators restart it.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointNotMapped),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MappedElsewhere = new(
        DiagnosticIds.HealthEndpointMappedElsewhere,
        title: "Health endpoints are mapped, but not at the path the container probes",
        messageFormat: "Health endpoints are mapped at {0}, but the container health check probes '{1}': map the health endpoint at '{1}' or set ContainerHealthCheckPath to the path you mapped",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The probe gets 404 when the health endpoint lives at another path than ContainerHealthCheckPath (default /healthz).",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointMappedElsewhere),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath)
    {
        if (options.CustomCommand)
        {
            return;
        }

        var probed = RoutePath.Normalize(probedPath);
        var answer = ProbedPathAnswer.Find(map, probed);
        if (answer.Answered || answer.Unknown || answer.DevelopmentOnly.Count > 0)
        {
            // Something answers (CH0004/CH0005 look closer), may answer (say nothing rather than guess), or answers
            // only in Development (CH0006 says so).
            return;
        }

        var health = map.Endpoints.Where(endpoint => endpoint.Endpoint.IsHealthCheck && endpoint.Facts.DevelopmentOnly is null).ToList();
        if (health.Count > 0)
        {
            var first = health.Select(endpoint => endpoint.Endpoint.Location).OrderBy(Order).First();
            var paths = string.Join(", ", health.Select(endpoint => "'" + endpoint.Path + "'").Distinct());
            context.ReportDiagnostic(Diagnostic.Create(MappedElsewhere, first, paths, probed));
            return;
        }

        if (map.PrimarySite is not { } site)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PathProperty, probed)
            .Add(SiteProperty, site.Kind.ToString());
        var additional = site.Kind == AppSiteKind.UseEndpoints && map.ConfigureServicesSites.Length > 0
            ? new[] { map.ConfigureServicesSites[0] }
            : Array.Empty<Location>();
        var (services, app) = AppSiteNames.Of(site, map.ConfigureServicesSites.Length > 0 ? map.ConfigureServicesSites[0] : null);
        context.ReportDiagnostic(Diagnostic.Create(NotMapped, site.Location, additional, properties, probed, services, app));
    }

    private static (string, int) Order(Location location) => (location.SourceTree?.FilePath ?? "", location.SourceSpan.Start);
}
