using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Registry;

/// <summary>How a <see cref="RegistryClient"/> authenticates, how long it waits and how often it retries.</summary>
public sealed class RegistryClientOptions
{
    /// <summary>
    /// Defaults to what the SDK reads from a registry it also pushes to: <c>DOTNET_CONTAINER_PULL_REGISTRY_UNAME/PWORD</c>,
    /// then <c>DOTNET_CONTAINER_REGISTRY_UNAME/PWORD</c>, then Docker's config (<c>$DOCKER_CONFIG/config.json</c>,
    /// <c>credHelpers</c>, <c>credsStore</c>, <c>auths</c>). A push or a base-image read in a publish says its
    /// <see cref="RegistryMode"/>, as the SDK does.
    /// </summary>
    public IRegistryCredentialSource Credentials { get; init; } = ChainedCredentialSource.Default(RegistryMode.PullFromOutput);

    /// <summary>Registries (host[:port]) that may be reached over HTTP or with unverified TLS; loopback always may.</summary>
    public IReadOnlyCollection<string> InsecureRegistries { get; init; } = RegistryEndpoint.InsecureRegistriesFromEnvironment();

    /// <summary>Per attempt, until the response headers arrive.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts per request for transient failures (connection errors, timeouts, 408/429/5xx) before giving up.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First retry delay; doubles each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest wait between attempts, backoff or a registry's Retry-After; a registry that asks for longer gets its
    /// 429/503 reported instead of a build that sleeps.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Progress and decisions, for low-importance build messages. Never receives credentials.</summary>
    public Action<string>? Log { get; init; }
}
