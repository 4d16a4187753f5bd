using ContainerHealth.HealthCheck;

namespace ContainerHealth.Cli.Inspect;

/// <summary>
/// The environment variables Kestrel takes the app's addresses from (<see cref="KestrelAddressVariable"/>): URLS, then
/// HTTP_PORTS and HTTPS_PORTS, each unprefixed, DOTNET_ and ASPNETCORE_ — listed in that order, the one that wins first.
/// </summary>
public static class PortSettings
{
    public static readonly IReadOnlyList<string> Names =
        [.. KestrelAddressVariable.UrlsVariables, .. KestrelAddressVariable.HttpPortsVariables, .. KestrelAddressVariable.HttpsPortsVariables];

    public static IReadOnlyList<string> From(IReadOnlyList<string> environment)
    {
        var set = KestrelAddressVariable.Parse(environment);
        return Names.Where(set.ContainsKey).Select(name => $"{name}={set[name]}").ToList();
    }
}
