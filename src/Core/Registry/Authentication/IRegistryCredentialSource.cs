namespace ContainerHealth.Registry.Authentication;

/// <summary>Where credentials for a registry come from (Docker's config, a fixed pair in tests, nothing).</summary>
public interface IRegistryCredentialSource
{
    /// <summary>The credential for <paramref name="registry"/> (host[:port], <c>docker.io</c> for Docker Hub), or null for anonymous.</summary>
    RegistryCredential? Find(string registry);
}
