using System.Collections.Generic;
using System.Linq;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// What in the app answers the probed path in the container (Production, Release build): a known endpoint, something
/// that may (an unknown template, a catch-all, a library handed the builder), or only mappings the container never runs.
/// </summary>
internal sealed class ProbedPathAnswer
{
    private ProbedPathAnswer(bool answered, bool unknown, List<ResolvedEndpoint> developmentOnly)
    {
        Answered = answered;
        Unknown = unknown;
        DevelopmentOnly = developmentOnly;
    }

    public bool Answered { get; }

    public bool Unknown { get; }

    /// <summary>Mappings that would answer (or are health checks) but only outside the container: IsDevelopment(), #if DEBUG.</summary>
    public List<ResolvedEndpoint> DevelopmentOnly { get; }

    public static ProbedPathAnswer Find(EndpointMap map, string probed)
    {
        var answered = false;
        var unknown = false;
        var developmentOnly = new List<ResolvedEndpoint>();

        // A library that cannot map health checks does not hide health endpoints the app's own code maps elsewhere.
        var healthElsewhere = map.Endpoints.Any(endpoint => endpoint.Endpoint.IsHealthCheck && endpoint.Path is not null && endpoint.Facts.DevelopmentOnly is null);
        foreach (var endpoint in map.Endpoints)
        {
            var matches = endpoint.Path is not null && endpoint.Endpoint.Kind != EndpointKind.AnyPath && RoutePath.CouldMatch(endpoint.Path, probed);
            if (endpoint.Facts.DevelopmentOnly is not null)
            {
                if (matches || (endpoint.Endpoint.IsHealthCheck && endpoint.Path is not null))
                {
                    developmentOnly.Add(endpoint);
                }
            }
            else if (matches)
            {
                answered = true;
            }
            else if (endpoint.Path is null || endpoint.Endpoint.Kind == EndpointKind.AnyPath)
            {
                unknown |= !(endpoint.Facts.FromLibraryWithoutHealthChecks && healthElsewhere);
            }
        }

        foreach (var route in map.ConventionalRoutes)
        {
            var action = route.Match(probed, map.ConventionalActions, out var understood);
            answered |= action is not null;
            unknown |= !understood;
        }

        return new ProbedPathAnswer(answered, unknown, answered || unknown ? new List<ResolvedEndpoint>() : developmentOnly);
    }
}
