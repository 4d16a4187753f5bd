namespace ContainerHealth.Registry.Authentication;

/// <summary>Credentials given explicitly, per registry (e.g. from a command line or a test).</summary>
public sealed class FixedCredentialSource(IReadOnlyDictionary<string, RegistryCredential> credentials) : IRegistryCredentialSource
{
    public static FixedCredentialSource None { get; } = new(new Dictionary<string, RegistryCredential>());

    public RegistryCredential? Find(string registry) => credentials.GetValueOrDefault(registry);
}
