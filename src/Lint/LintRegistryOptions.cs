using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Lint;

/// <summary>
/// How lint talks to registries, in the CLI and in the build: it asks for little (manifests, config, layer headers) and
/// must not stall CI or a publish. A registry that sends no headers within 2 s, twice, is unreachable for the run, so a
/// file costs at most about 4 s however many images it names.
/// </summary>
public static class LintRegistryOptions
{
    public static RegistryClientOptions Create(IRegistryCredentialSource credentials, Action<string>? log = null) => new()
    {
        RequestTimeout = TimeSpan.FromSeconds(2),
        MaxAttempts = 2,
        Credentials = credentials,
        Log = log,
    };
}
