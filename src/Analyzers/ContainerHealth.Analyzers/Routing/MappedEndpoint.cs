using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

internal enum EndpointKind
{
    /// <summary>MapHealthChecks.</summary>
    HealthChecks,

    /// <summary>UseHealthChecks: middleware, not an endpoint, so endpoint authorization does not apply.</summary>
    HealthChecksMiddleware,

    /// <summary>MapGet, MapMethods with GET, Map, a controller action answering GET, a middleware branch, inline middleware testing the path.</summary>
    Get,

    /// <summary>Answers any path (MapFallback, app.Run, a library handed the builder): the probed path may be served.</summary>
    AnyPath,
}

/// <summary>One place the app answers requests, with a template relative to its builder's origin.</summary>
internal sealed class MappedEndpoint
{
    public MappedEndpoint(
        EndpointKind kind,
        BuilderOrigin origin,
        string? template,
        EndpointConventions conventions,
        Location location,
        Location? chainLocation,
        EndpointFacts facts = default,
        BuilderParameter? templateParameter = null)
    {
        TemplateParameter = templateParameter;
        Kind = kind;
        Origin = origin;
        Template = template;
        Conventions = conventions;
        Location = location;
        ChainLocation = chainLocation;
        Facts = facts;
    }

    public EndpointKind Kind { get; }

    public BuilderOrigin Origin { get; }

    /// <summary>Null when the template is not a constant.</summary>
    public string? Template { get; }

    /// <summary>
    /// A route wrapper's pattern parameter (<c>MapGet(this IEndpointRouteBuilder b, Delegate h, string pattern = "")</c>):
    /// the template is what each call of the wrapper passes, and a wrapper nobody calls maps nothing.
    /// </summary>
    public BuilderParameter? TemplateParameter { get; }

    public EndpointConventions Conventions { get; }

    public Location Location { get; }

    /// <summary>The mapping call with its convention chain (where .AllowAnonymous() goes); null for controller actions.</summary>
    public Location? ChainLocation { get; }

    public EndpointFacts Facts { get; }

    public bool IsHealthCheck => Kind is EndpointKind.HealthChecks or EndpointKind.HealthChecksMiddleware;

    public MappedEndpoint WithFacts(EndpointFacts facts) => new(Kind, Origin, Template, Conventions, Location, ChainLocation, facts, TemplateParameter);

    /// <summary>This mapping as one call of its wrapper places it: that call's template, under that call's builder.</summary>
    public MappedEndpoint AtCall(string? template, BuilderOrigin origin) => new(Kind, origin, template, Conventions, Location, ChainLocation, Facts);
}

/// <summary>What else decides whether the probe reaches an endpoint.</summary>
internal readonly struct EndpointFacts
{
    public EndpointFacts(string? developmentOnly, int? port, bool controllerAction, bool fromLibraryWithoutHealthChecks, string? library, IAssemblySymbol? libraryAssembly = null, Configuration.ConfigurationGate? gate = null)
    {
        Gate = gate;
        DevelopmentOnly = developmentOnly;
        Port = port;
        ControllerAction = controllerAction;
        FromLibraryWithoutHealthChecks = fromLibraryWithoutHealthChecks;
        Library = library;
        LibraryAssembly = libraryAssembly;
    }

    /// <summary>The condition (IsDevelopment(), #if DEBUG) that keeps the mapping out of the container; null when it is mapped there.</summary>
    public string? DevelopmentOnly { get; }

    /// <summary>The configuration gate that keeps the mapping out of Production (then <see cref="DevelopmentOnly"/> describes it).</summary>
    public Configuration.ConfigurationGate? Gate { get; }

    /// <summary>UseHealthChecks(path, port): answers only connections to that local port.</summary>
    public int? Port { get; }

    /// <summary>An MVC action: MVC filters (a global AuthorizeFilter) apply.</summary>
    public bool ControllerAction { get; }

    /// <summary>An unknown mapping by a library compiled without the health-check assemblies: it cannot map health checks.</summary>
    public bool FromLibraryWithoutHealthChecks { get; }

    /// <summary>The referenced project whose source maps this endpoint (read from its files); null for this project's code.</summary>
    public string? Library { get; }

    /// <summary>The referenced assembly a library call goes to (an IApplicationBuilder call decided at compilation end).</summary>
    public IAssemblySymbol? LibraryAssembly { get; }

    public EndpointFacts WithDevelopmentOnly(string? condition) => new(condition, Port, ControllerAction, FromLibraryWithoutHealthChecks, Library, LibraryAssembly);
}

/// <summary>A mapped endpoint with its builder origins resolved: an absolute path (or none when unknown).</summary>
internal sealed class ResolvedEndpoint
{
    public ResolvedEndpoint(MappedEndpoint endpoint, string? path, EndpointConventions conventions)
    {
        Endpoint = endpoint;
        Path = path;
        Conventions = conventions;
    }

    public MappedEndpoint Endpoint { get; }

    public string? Path { get; }

    public EndpointConventions Conventions { get; }

    public EndpointFacts Facts => Endpoint.Facts;
}
