using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>What RequireAuthorization / AllowAnonymous / RequireHost (or their attributes) put on an endpoint or group.</summary>
internal sealed class EndpointConventions
{
    public static readonly EndpointConventions None = new(null, null, false, null, false);

    public EndpointConventions(Location? authorizationSite, string? authorizationSource, bool allowsAnonymous, HostRestriction? hosts, bool shortCircuit)
    {
        AuthorizationSite = authorizationSite;
        AuthorizationSource = authorizationSource;
        AllowsAnonymous = allowsAnonymous;
        Hosts = hosts;
        ShortCircuit = shortCircuit;
    }

    /// <summary>Where authorization is required (RequireAuthorization call or [Authorize]); null when it is not.</summary>
    public Location? AuthorizationSite { get; }

    /// <summary>What requires it, as the user wrote it: "RequireAuthorization" or "[Authorize]".</summary>
    public string? AuthorizationSource { get; }

    public bool AllowsAnonymous { get; }

    /// <summary>The RequireHost that applies (the innermost one wins, as ASP.NET reads the last IHostMetadata).</summary>
    public HostRestriction? Hosts { get; }

    /// <summary>ShortCircuit(): the routing middleware runs the endpoint at once, so the authorization middleware never sees it.</summary>
    public bool ShortCircuit { get; }

    public EndpointConventions WithAuthorization(Location site, string source) =>
        AuthorizationSite is null ? new(site, source, AllowsAnonymous, Hosts, ShortCircuit) : this;

    public EndpointConventions WithAnonymous() => new(AuthorizationSite, AuthorizationSource, true, Hosts, ShortCircuit);

    public EndpointConventions WithHosts(HostRestriction hosts) => new(AuthorizationSite, AuthorizationSource, AllowsAnonymous, hosts, ShortCircuit);

    public EndpointConventions WithShortCircuit() => new(AuthorizationSite, AuthorizationSource, AllowsAnonymous, Hosts, true);

    /// <summary>Conventions of an enclosing group under those of the endpoint itself.</summary>
    public EndpointConventions Within(EndpointConventions outer) =>
        ReferenceEquals(outer, None) ? this
        : new(
            AuthorizationSite ?? outer.AuthorizationSite,
            AuthorizationSite is null ? outer.AuthorizationSource : AuthorizationSource,
            AllowsAnonymous || outer.AllowsAnonymous,
            Hosts ?? outer.Hosts,
            ShortCircuit || outer.ShortCircuit);
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

    /// <summary>
    /// The probe runs inside the container and sends Host: localhost:PORT (the container port); RequireHost matches
    /// the host and, when the pattern names one, the port.
    /// </summary>
    public bool ExcludesProbe(int containerPort, string? hostHeader = null)
    {
        if (!Known)
        {
            return false;
        }

        foreach (var pattern in Hosts)
        {
            if (AllowsProbe(pattern, containerPort, hostHeader))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The probe sends Host: localhost:PORT, or the host header the build pinned (a host the app's AllowedHosts accepts).</summary>
    private static bool AllowsProbe(string pattern, int containerPort, string? hostHeader)
    {
        var host = pattern.Trim();
        string? port = null;
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            var end = host.IndexOf(']');
            if (end > 0 && end + 1 < host.Length && host[end + 1] == ':')
            {
                port = host.Substring(end + 2);
            }

            host = end > 0 ? host.Substring(0, end + 1) : host;
        }
        else if (host.IndexOf(':') is var colon and >= 0)
        {
            port = host.Substring(colon + 1);
            host = host.Substring(0, colon);
        }

        var sent = hostHeader is null ? null : hostHeader.Split(':')[0];
        var hostAllowed = host.Length == 0
            || host == "*"
            || (sent is null
                ? string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]"
                : string.Equals(host, sent, StringComparison.OrdinalIgnoreCase)
                    || (host.StartsWith("*.", StringComparison.Ordinal) && sent.EndsWith(host.Substring(1), StringComparison.OrdinalIgnoreCase)));
        var portSent = hostHeader is null ? containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : hostHeader.IndexOf(':') is var headerColon and >= 0 ? hostHeader.Substring(headerColon + 1) : null;
        return hostAllowed && (port is null || port == "*" || port == portSent);
    }
}
