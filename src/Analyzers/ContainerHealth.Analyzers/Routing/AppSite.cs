using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

internal enum AppSiteKind
{
    /// <summary>WebApplicationBuilder.Build() in a minimal-hosting program.</summary>
    WebApplicationBuild = 0,

    /// <summary>UseEndpoints in a Startup class's Configure.</summary>
    UseEndpoints = 1,

    /// <summary>IHostBuilder/IWebHostBuilder.Build(): the app is built, but where its endpoints are mapped is elsewhere.</summary>
    HostBuild = 2,
}

/// <summary>Where the app is assembled: the place CH0001 is reported and the code fix edits.</summary>
internal sealed class AppSite
{
    public AppSite(AppSiteKind kind, Location location)
    {
        Kind = kind;
        Location = location;
    }

    public AppSiteKind Kind { get; }

    public Location Location { get; }
}
