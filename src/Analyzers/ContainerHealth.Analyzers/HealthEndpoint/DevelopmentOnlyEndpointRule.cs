using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>
/// Rule CH0006: the health endpoint is mapped only in Development (IsDevelopment(), !IsProduction(), #if DEBUG, ...),
/// so the container, which runs a Release build in Production, never has it. Reported at the mapping, or at the call
/// into the referenced project that maps it (Aspire's MapDefaultEndpoints).
/// </summary>
internal static class DevelopmentOnlyEndpointRule
{
    /// <summary>Set when the mapping sits in this project under an if: the fix moves it out.</summary>
    public const string MovableProperty = "Movable";

    /// <summary>
    /// Set when the project pins a probed path other than the mapping's literal one: the fix also maps it there, so one
    /// step leaves a working check (with no path set, the moved endpoint is what the container will probe).
    /// </summary>
    public const string ProbedPathProperty = "ProbedPath";

    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointDevelopmentOnly,
        title: "The health endpoint is mapped only in Development",
        messageFormat: "'{0}' is mapped only when {1}, so the container (Production, Release build) gets 404 from its health check: map the health endpoint in every environment",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Containers run the app in Production from a Release build; a health endpoint mapped under IsDevelopment(), !IsProduction() or #if DEBUG is absent there, so the container is never healthy.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointDevelopmentOnly),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath)
    {
        if (options.CustomCommand)
        {
            return;
        }

        var probed = RoutePath.Normalize(probedPath);
        var developmentOnly = ProbedPathAnswer.Find(map, probed).DevelopmentOnly;

        // Prefer the mappings of the probed path; name a health endpoint elsewhere only when none is.
        var atProbedPath = developmentOnly.Where(endpoint => RoutePath.CouldMatch(endpoint.Path!, probed)).ToList();
        var reported = new HashSet<Location>();
        foreach (var endpoint in atProbedPath.Count > 0 ? atProbedPath : developmentOnly)
        {
            var location = endpoint.Endpoint.Location;
            if (!reported.Add(location))
            {
                continue;
            }

            var movable = endpoint.Facts.Library is null && endpoint.Facts.DevelopmentOnly != DebugOnlyRegion.Condition;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (movable)
            {
                properties = properties.Add(MovableProperty, "true");
                if (!options.PathDecidedByApp
                    && !RoutePath.CouldMatch(endpoint.Path!, probed)
                    && endpoint.Endpoint.Template is { } template
                    && RoutePath.IsExactly(template, endpoint.Path!))
                {
                    properties = properties.Add(ProbedPathProperty, probed);
                }
            }

            context.ReportDiagnostic(endpoint.Facts.Gate is { } gate
                ? Diagnostic.Create(ConfigurationGatedEndpointRule.Rule, location, properties, endpoint.Path, gate.Key, gate.Reason)
                : Diagnostic.Create(Rule, location, properties, endpoint.Path, endpoint.Facts.DevelopmentOnly));
        }
    }
}
