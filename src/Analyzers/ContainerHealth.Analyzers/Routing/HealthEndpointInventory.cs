using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// The app's health endpoints as the container sees them: those that answer an anonymous GET from the probe in
/// Production (confirmed), those that may not (with why), and whether the map has routes the analysis could not follow.
/// What the build's decision reads from the assembly (<see cref="AppHealthEndpoints"/>) and the path CH0001-CH0006
/// judge when the project names none: one reading, written by the generator and used by the rules.
/// </summary>
internal static class HealthEndpointInventory
{
    public static AppHealthEndpoints Of(EndpointMap map, ContainerHealthOptions options)
    {
        var confirmed = new List<string>();
        var unconfirmed = new List<UnconfirmedHealthEndpoint>();
        foreach (var endpoint in InMappingOrder(map))
        {
            if (endpoint.Path is not { } path || endpoint.Endpoint.Kind == EndpointKind.AnyPath || !IsHealthEndpoint(endpoint))
            {
                continue;
            }

            var normalized = RoutePath.Normalize(path);
            var whyNot = WhyNotAnswered(map, endpoint, options);
            if (whyNot is null)
            {
                if (!confirmed.Contains(normalized))
                {
                    confirmed.Add(normalized);
                }
            }
            else if (!unconfirmed.Any(seen => seen.Path == normalized))
            {
                unconfirmed.Add(new UnconfirmedHealthEndpoint(normalized, whyNot));
            }
        }

        unconfirmed.RemoveAll(endpoint => confirmed.Contains(endpoint.Path));
        return new AppHealthEndpoints(confirmed, unconfirmed, Complete(map));
    }

    /// <summary>
    /// MapHealthChecks / UseHealthChecks, and a constant GET route named like one (/health, /alive, /healthz, /ping,
    /// /api/health/live ...): apps that answer their health with a MapGet or a controller.
    /// </summary>
    private static bool IsHealthEndpoint(ResolvedEndpoint endpoint)
    {
        if (endpoint.Endpoint.IsHealthCheck)
        {
            return true;
        }

        if (endpoint.Endpoint.Kind != EndpointKind.Get || endpoint.Path!.IndexOf('{') >= 0)
        {
            return false;
        }

        return RoutePath.Segments(endpoint.Path).Any(NamesHealth) || AppHealthEndpoints.IsLiveness(endpoint.Path);
    }

    /// <summary>
    /// Whether a route (or a group prefix) may lead to a health endpoint: it names one in any segment. A route with
    /// parameters is never one (<see cref="IsHealthEndpoint"/> counts constant paths only).
    /// </summary>
    public static bool MayNameHealth(string route) =>
        RoutePath.Segments(route).Any(segment => NamesHealth(segment) || AppHealthEndpoints.IsLiveness("/" + segment));

    private static bool NamesHealth(string segment) =>
        segment.ToLowerInvariant() is "health" or "healthz" or "healthcheck" or "healthchecks" or "hc" or "ping";

    private static string? WhyNotAnswered(EndpointMap map, ResolvedEndpoint endpoint, ContainerHealthOptions options)
    {
        if (endpoint.Facts.DevelopmentOnly is { } condition)
        {
            return "mapped only when " + condition;
        }

        if (endpoint.Facts.Port is { } port && port != options.ContainerPort)
        {
            return "answers only port " + port.ToString(CultureInfo.InvariantCulture);
        }

        if (endpoint.Endpoint.Kind == EndpointKind.HealthChecksMiddleware)
        {
            return map.FallbackPolicySites.Length > 0 && map.AuthorizationRunsBefore(endpoint.Endpoint.Location)
                ? "requires authorization (the authorization fallback policy)"
                : null;
        }

        if (!endpoint.Conventions.AllowsAnonymous)
        {
            var authorization = endpoint.Conventions.AuthorizationSource
                ?? (endpoint.Facts.ControllerAction && map.GlobalAuthorizeFilterSites.Length > 0 ? "a global AuthorizeFilter" : null)
                ?? (map.FallbackPolicySites.Length > 0 && !endpoint.Conventions.ShortCircuit ? "the authorization fallback policy" : null);
            if (authorization is not null)
            {
                return "requires authorization (" + authorization + ")";
            }
        }

        return endpoint.Conventions.Hosts is { } hosts && hosts.ExcludesProbe(options.ContainerPort, options.HostHeader)
            ? "answers only host " + string.Join(", ", hosts.Hosts)
            : null;
    }

    /// <summary>False when something may answer paths the analysis cannot name: an unknown template, a catch-all, a library.</summary>
    private static bool Complete(EndpointMap map)
    {
        var healthElsewhere = map.Endpoints.Any(endpoint => endpoint.Endpoint.IsHealthCheck && endpoint.Path is not null && endpoint.Facts.DevelopmentOnly is null);
        foreach (var endpoint in map.Endpoints)
        {
            if (endpoint.Facts.DevelopmentOnly is null
                && (endpoint.Path is null || endpoint.Endpoint.Kind == EndpointKind.AnyPath)
                && !(endpoint.Facts.FromLibraryWithoutHealthChecks && healthElsewhere))
            {
                return false;
            }
        }

        return map.ConventionalRoutes.All(route => route.Pattern is not null);
    }

    /// <summary>The app's order, not the collector's (it runs concurrently): by file and position; a library's in its source order.</summary>
    private static IEnumerable<ResolvedEndpoint> InMappingOrder(EndpointMap map) =>
        map.Endpoints
            .Select((endpoint, index) => (endpoint, index))
            .OrderBy(entry => entry.endpoint.Endpoint.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(entry => entry.endpoint.Endpoint.Location.SourceSpan.Start)
            .ThenBy(entry => entry.index)
            .Select(entry => entry.endpoint);
}
