namespace ContainerHealth.Registry.Authentication;

/// <summary>Asks each source in turn; the first credential found wins.</summary>
public sealed class ChainedCredentialSource(params IRegistryCredentialSource[] sources) : IRegistryCredentialSource
{
    /// <summary>What the SDK would use for <paramref name="mode"/>: its environment variables, then Docker's config and credential helpers.</summary>
    public static IRegistryCredentialSource Default(RegistryMode mode, Action<string>? log = null) =>
        new ChainedCredentialSource(new EnvironmentCredentialSource(mode), new DockerConfigCredentialSource(log: log));

    public RegistryCredential? Find(string registry) =>
        sources.Select(source => source.Find(registry)).FirstOrDefault(credential => credential is not null);
}
