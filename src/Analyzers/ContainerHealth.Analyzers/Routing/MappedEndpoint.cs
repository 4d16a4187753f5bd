using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

internal enum EndpointKind
{
    /// <summary>MapHealthChecks.</summary>
    HealthChecks,

    /// <summary>UseHealthChecks: middleware, not an endpoint, so endpoint authorization does not apply.</summary>
    HealthChecksMiddleware,

    /// <summary>MapGet, MapMethods with GET, Map, a controller action answering GET, a middleware branch.</summary>
    Get,

    /// <summary>Answers any path (MapFallback, conventional controller routes, app.Run): the probed path may be served.</summary>
    AnyPath,
}

/// <summary>One place the app answers requests, with a template relative to its builder's origin.</summary>
internal sealed class MappedEndpoint
{
    public MappedEndpoint(EndpointKind kind, BuilderOrigin origin, string? template, EndpointConventions conventions, Location location, Location? chainLocation)
    {
        Kind = kind;
        Origin = origin;
        Template = template;
        Conventions = conventions;
        Location = location;
        ChainLocation = chainLocation;
    }

    public EndpointKind Kind { get; }

    public BuilderOrigin Origin { get; }

    /// <summary>Null when the template is not a constant.</summary>
    public string? Template { get; }

    public EndpointConventions Conventions { get; }

    public Location Location { get; }

    /// <summary>The mapping call with its convention chain (where .AllowAnonymous() goes); null for controller actions.</summary>
    public Location? ChainLocation { get; }

    public bool IsHealthCheck => Kind is EndpointKind.HealthChecks or EndpointKind.HealthChecksMiddleware;
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
}
