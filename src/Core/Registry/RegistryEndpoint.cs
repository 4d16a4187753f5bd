namespace ContainerHealth.Registry;

/// <summary>
/// Where a registry's HTTP API lives: Docker Hub's API host, plain HTTP for loopback registries, and the registries
/// listed in <c>DOTNET_CONTAINER_INSECURE_REGISTRIES</c> (as the .NET SDK does) allowed to use HTTP or unverified TLS.
/// </summary>
public static class RegistryEndpoint
{
    public const string InsecureRegistriesVariable = "DOTNET_CONTAINER_INSECURE_REGISTRIES";

    public static string ApiHost(string registry) => registry == ImageReference.DockerHub ? "registry-1.docker.io" : registry;

    public static bool IsLoopback(string registry)
    {
        var host = HostOf(registry);
        return host is "localhost" or "127.0.0.1" or "::1" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);
    }

    /// <summary>The registries named in <see cref="InsecureRegistriesVariable"/>, separated by ';' or ','.</summary>
    public static IReadOnlyCollection<string> InsecureRegistriesFromEnvironment() =>
        (Environment.GetEnvironmentVariable(InsecureRegistriesVariable) ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string HostOf(string registry)
    {
        if (registry.StartsWith('['))
        {
            var close = registry.IndexOf(']');
            return close < 0 ? registry : registry[..(close + 1)];
        }

        var colon = registry.LastIndexOf(':');
        return colon < 0 || registry.IndexOf(':') != colon ? registry : registry[..colon];
    }
}
