using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.HostFiltering;

/// <summary>Where the code sets HostFilteringOptions.AllowedHosts, and to which hosts (default when not constants).</summary>
internal sealed class HostFilterSite
{
    public HostFilterSite(ImmutableArray<string> hosts, Location location)
    {
        Hosts = hosts;
        Location = location;
    }

    public ImmutableArray<string> Hosts { get; }

    public Location Location { get; }
}
