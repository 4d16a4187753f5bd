using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>What RequireAuthorization / AllowAnonymous / RequireHost (or their attributes) put on an endpoint or group.</summary>
internal sealed class EndpointConventions
{
    public static readonly EndpointConventions None = new(null, null, false, null);

    public EndpointConventions(Location? authorizationSite, string? authorizationSource, bool allowsAnonymous, HostRestriction? hosts)
    {
        AuthorizationSite = authorizationSite;
        AuthorizationSource = authorizationSource;
        AllowsAnonymous = allowsAnonymous;
        Hosts = hosts;
    }

    /// <summary>Where authorization is required (RequireAuthorization call or [Authorize]); null when it is not.</summary>
    public Location? AuthorizationSite { get; }

    /// <summary>What requires it, as the user wrote it: "RequireAuthorization" or "[Authorize]".</summary>
    public string? AuthorizationSource { get; }

    public bool AllowsAnonymous { get; }

    /// <summary>The RequireHost that applies (the innermost one wins, as ASP.NET reads the last IHostMetadata).</summary>
    public HostRestriction? Hosts { get; }

    public EndpointConventions WithAuthorization(Location site, string source) =>
        AuthorizationSite is null ? new(site, source, AllowsAnonymous, Hosts) : this;

    public EndpointConventions WithAnonymous() => new(AuthorizationSite, AuthorizationSource, true, Hosts);

    public EndpointConventions WithHosts(HostRestriction hosts) => new(AuthorizationSite, AuthorizationSource, AllowsAnonymous, hosts);

    /// <summary>Conventions of an enclosing group under those of the endpoint itself.</summary>
    public EndpointConventions Within(EndpointConventions outer) =>
        ReferenceEquals(outer, None) ? this
        : AuthorizationSite is null ? new(outer.AuthorizationSite, outer.AuthorizationSource, AllowsAnonymous || outer.AllowsAnonymous, Hosts ?? outer.Hosts)
        : new(AuthorizationSite, AuthorizationSource, AllowsAnonymous || outer.AllowsAnonymous, Hosts ?? outer.Hosts);
}

/// <summary>The hosts an endpoint answers; <see cref="Hosts"/> is default when they are not constants.</summary>
internal sealed class HostRestriction
{
    public HostRestriction(ImmutableArray<string> hosts, Location site)
    {
        Hosts = hosts;
        Site = site;
    }

    public ImmutableArray<string> Hosts { get; }

    public Location Site { get; }

    public bool Known => !Hosts.IsDefault;

    /// <summary>The probe runs inside the container and sends Host: localhost (or the loopback address).</summary>
    public bool ExcludesLocalhost
    {
        get
        {
            if (!Known)
            {
                return false;
            }

            foreach (var pattern in Hosts)
            {
                if (AllowsLocalhost(pattern))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static bool AllowsLocalhost(string pattern)
    {
        var host = pattern.Trim();
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            var end = host.IndexOf(']');
            host = end > 0 ? host.Substring(0, end + 1) : host;
        }
        else if (host.IndexOf(':') is var colon and >= 0)
        {
            host = host.Substring(0, colon);
        }

        return host.Length == 0
            || host == "*"
            || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host == "127.0.0.1"
            || host == "[::1]";
    }
}
