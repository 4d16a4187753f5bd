using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>Everything one compilation maps and registers, with paths resolved; built at compilation end.</summary>
internal sealed class EndpointMap
{
    public EndpointMap(
        ImmutableArray<ResolvedEndpoint> endpoints,
        ImmutableArray<AppSite> sites,
        ImmutableArray<Location> configureServicesSites,
        bool healthChecksRegistered,
        ImmutableArray<Location> fallbackPolicySites,
        ImmutableArray<ConventionalRoute> conventionalRoutes,
        ImmutableArray<ConventionalAction> conventionalActions,
        ImmutableArray<Location> globalAuthorizeFilterSites,
        ImmutableArray<string> authenticationHandlers,
        ImmutableArray<Location> useAuthorizationSites,
        ImmutableArray<Ports.PinnedAddress> pinnedAddresses,
        ImmutableArray<HostFiltering.HostFilterSite> hostFilterSites)
    {
        HostFilterSites = hostFilterSites;
        PinnedAddresses = pinnedAddresses;
        UseAuthorizationSites = useAuthorizationSites;
        ConventionalRoutes = conventionalRoutes;
        ConventionalActions = conventionalActions;
        GlobalAuthorizeFilterSites = globalAuthorizeFilterSites;
        AuthenticationHandlers = authenticationHandlers;
        Endpoints = endpoints;
        Sites = sites;
        ConfigureServicesSites = configureServicesSites;
        HealthChecksRegistered = healthChecksRegistered;
        FallbackPolicySites = fallbackPolicySites;
    }

    public ImmutableArray<ResolvedEndpoint> Endpoints { get; }

    /// <summary>Where the code pins the address Kestrel listens on (UseUrls, Listen*, app.Urls.Add, app.Run(url)).</summary>
    public ImmutableArray<Ports.PinnedAddress> PinnedAddresses { get; }

    /// <summary>Where the code sets HostFilteringOptions.AllowedHosts.</summary>
    public ImmutableArray<HostFiltering.HostFilterSite> HostFilterSites { get; }

    public ImmutableArray<AppSite> Sites { get; }

    /// <summary>ConfigureServices(IServiceCollection) methods of Startup classes that map endpoints.</summary>
    public ImmutableArray<Location> ConfigureServicesSites { get; }

    public bool HealthChecksRegistered { get; }

    public ImmutableArray<Location> FallbackPolicySites { get; }

    public ImmutableArray<ConventionalRoute> ConventionalRoutes { get; }

    /// <summary>Controller actions without attribute routes (this project's and its application parts').</summary>
    public ImmutableArray<ConventionalAction> ConventionalActions { get; }

    /// <summary>new AuthorizeFilter() added to MVC's global filters.</summary>
    public ImmutableArray<Location> GlobalAuthorizeFilterSites { get; }

    public ImmutableArray<Location> UseAuthorizationSites { get; }

    /// <summary>
    /// Whether the authorization middleware runs before this middleware: after an explicit UseAuthorization() above it
    /// in the same file, or, without one, always in a WebApplication (it adds the middleware at the start of the pipeline).
    /// </summary>
    public bool AuthorizationRunsBefore(Location middleware) =>
        UseAuthorizationSites.Length == 0
            ? Sites.Any(site => site.Kind == AppSiteKind.WebApplicationBuild)
            : UseAuthorizationSites.Any(site => site.SourceTree == middleware.SourceTree && site.SourceSpan.Start < middleware.SourceSpan.Start);

    /// <summary>The AuthenticationBuilder.Add* calls (AddCookie, AddJwtBearer, AddOpenIdConnect, ...).</summary>
    public ImmutableArray<string> AuthenticationHandlers { get; }

    /// <summary>
    /// Cookie or OpenID Connect sign-in without a token handler: an anonymous request is redirected to a login page
    /// (302), which a 200-399 check counts as healthy.
    /// </summary>
    public bool ChallengeRedirectsToSignIn =>
        AuthenticationHandlers.Any(handler => handler is "AddCookie" or "AddOpenIdConnect" or "AddMicrosoftIdentityWebApp")
        && !AuthenticationHandlers.Any(handler => handler is "AddJwtBearer" or "AddBearerToken" or "AddMicrosoftIdentityWebApi" or "AddNegotiate" or "AddCertificate");

    /// <summary>The one place the app is assembled, preferring a minimal-hosting Build(), then UseEndpoints.</summary>
    public AppSite? PrimarySite =>
        Sites.OrderBy(site => site.Kind).ThenBy(site => site.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(site => site.Location.SourceSpan.Start).FirstOrDefault();

    /// <summary>Where AddHealthChecks() belongs: before Build() or in ConfigureServices.</summary>
    public Location? ServicesSite =>
        Sites.Where(site => site.Kind == AppSiteKind.WebApplicationBuild).Select(site => site.Location)
            .Concat(ConfigureServicesSites)
            .OrderBy(location => location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(location => location.SourceSpan.Start)
            .FirstOrDefault();
}
