namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// The .NET SDK's credential variables, <c>DOTNET_CONTAINER_REGISTRY_UNAME</c>/<c>_PWORD</c> (and the older
/// <c>SDK_CONTAINER_REGISTRY_*</c>): when set they apply to every registry, before Docker's config.
/// </summary>
public sealed class EnvironmentCredentialSource : IRegistryCredentialSource
{
    public RegistryCredential? Find(string registry)
    {
        var user = Variable("DOTNET_CONTAINER_REGISTRY_UNAME") ?? Variable("SDK_CONTAINER_REGISTRY_UNAME");
        var password = Variable("DOTNET_CONTAINER_REGISTRY_PWORD") ?? Variable("SDK_CONTAINER_REGISTRY_PWORD");
        return user is null || password is null ? null : new RegistryCredential(user, password);
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
