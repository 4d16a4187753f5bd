using System.Collections.Generic;
using System.Collections.Immutable;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>Rule CH0004: the endpoint the container probes must not require authorization: the probe sends no credentials.</summary>
internal static class HealthEndpointAuthorizationRule
{
    public const string Unauthorized = "the container probe gets 401";

    public const string RedirectedToSignIn =
        "the container probe is redirected to the sign-in page, which the 200-399 check counts as healthy: the health check checks nothing";

    public const string AddAllowAnonymous = "add .AllowAnonymous() (or [AllowAnonymous]) to it";

    public const string MoveBeforeAuthorization =
        "call UseHealthChecks before app.UseAuthorization(), or map it with MapHealthChecks(...).AllowAnonymous()";

    /// <summary>Set on UseHealthChecks middleware: there is no .AllowAnonymous() to append.</summary>
    public const string MiddlewareProperty = "Middleware";

    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointRequiresAuthorization,
        title: "The health endpoint requires authorization",
        messageFormat: "The health endpoint at '{0}' requires authorization ({1}), so {2}: {3}",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The probe sends no credentials; RequireAuthorization, [Authorize], a global AuthorizeFilter or an authorization fallback policy answer it 401, or redirect it to a sign-in page that hides whether the app is healthy.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointRequiresAuthorization),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath)
    {
        var consequence = map.ChallengeRedirectsToSignIn ? RedirectedToSignIn : Unauthorized;
        var reported = new HashSet<Location>();
        foreach (var endpoint in map.Endpoints)
        {
            if (endpoint.Path is null
                || endpoint.Endpoint.Kind is EndpointKind.AnyPath
                || endpoint.Conventions.AllowsAnonymous
                || endpoint.Facts.DevelopmentOnly is not null
                || !RoutePath.IsExactly(endpoint.Path, probedPath))
            {
                continue;
            }

            var location = endpoint.Endpoint.ChainLocation ?? endpoint.Endpoint.Location;
            if (endpoint.Endpoint.Kind == EndpointKind.HealthChecksMiddleware)
            {
                // Endpoint metadata never reaches middleware, but the fallback policy does when the authorization
                // middleware runs first (no endpoint means no metadata means the fallback policy).
                if (map.FallbackPolicySites.Length > 0 && map.AuthorizationRunsBefore(endpoint.Endpoint.Location) && reported.Add(location))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule, location, ImmutableDictionary<string, string?>.Empty.Add(MiddlewareProperty, "true"),
                        endpoint.Path, "the authorization fallback policy, applied before this middleware", consequence, MoveBeforeAuthorization));
                }

                continue;
            }

            // ShortCircuit() endpoints run in the routing middleware, before the authorization middleware applies the fallback policy.
            var reason = endpoint.Conventions.AuthorizationSource
                ?? (endpoint.Facts.ControllerAction && map.GlobalAuthorizeFilterSites.Length > 0 ? "a global AuthorizeFilter" : null)
                ?? (map.FallbackPolicySites.Length > 0 && !endpoint.Conventions.ShortCircuit ? "the authorization fallback policy" : null);
            if (reason is not null && reported.Add(location))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, endpoint.Path, reason, consequence, AddAllowAnonymous));
            }
        }
    }
}
