namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// The .NET SDK's credential variables for one <see cref="RegistryMode"/>, in the SDK's order: the push or pull pair
/// first, then (push, and reads from the output registry) <c>DOTNET_CONTAINER_REGISTRY_UNAME</c>/<c>_PWORD</c> and the older
/// <c>SDK_CONTAINER_REGISTRY_*</c>. A pair counts only when both halves are set; when one is, it applies to every
/// registry, before Docker's config.
/// </summary>
public sealed class EnvironmentCredentialSource(RegistryMode mode) : IRegistryCredentialSource
{
    public static readonly (string User, string Password) PushVariables = ("DOTNET_CONTAINER_PUSH_REGISTRY_UNAME", "DOTNET_CONTAINER_PUSH_REGISTRY_PWORD");
    public static readonly (string User, string Password) PullVariables = ("DOTNET_CONTAINER_PULL_REGISTRY_UNAME", "DOTNET_CONTAINER_PULL_REGISTRY_PWORD");
    public static readonly (string User, string Password) GeneralVariables = ("DOTNET_CONTAINER_REGISTRY_UNAME", "DOTNET_CONTAINER_REGISTRY_PWORD");
    public static readonly (string User, string Password) LegacyVariables = ("SDK_CONTAINER_REGISTRY_UNAME", "SDK_CONTAINER_REGISTRY_PWORD");

    public RegistryMode Mode => mode;

    /// <summary>The variable pairs this mode reads, first match wins.</summary>
    public IReadOnlyList<(string User, string Password)> Variables => mode switch
    {
        RegistryMode.Push => [PushVariables, GeneralVariables, LegacyVariables],
        RegistryMode.Pull => [PullVariables],
        _ => [PullVariables, GeneralVariables, LegacyVariables],
    };

    public RegistryCredential? Find(string registry)
    {
        foreach (var (userVariable, passwordVariable) in Variables)
        {
            if (Variable(userVariable) is { } user && Variable(passwordVariable) is { } password)
            {
                return new RegistryCredential(user, password);
            }
        }

        return null;
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
