namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// Why a registry is reached, which decides the SDK's credential variables that apply (SDK 10, the same names and order):
/// a push reads <c>DOTNET_CONTAINER_PUSH_REGISTRY_*</c>, a base-image read <c>DOTNET_CONTAINER_PULL_REGISTRY_*</c>, and the
/// general <c>DOTNET_CONTAINER_REGISTRY_*</c> (then the older <c>SDK_CONTAINER_REGISTRY_*</c>) apply to the push and to a
/// read from the registry the image is pushed to — never to a base image elsewhere, whose registry must not receive them.
/// </summary>
public enum RegistryMode
{
    /// <summary>The base image, from a registry other than the one the image is pushed to.</summary>
    Pull,

    /// <summary>A read from the registry the image is pushed to (a base image there; the CLI, which pushes nowhere).</summary>
    PullFromOutput,

    /// <summary>The push, and the reads of the pushed image it needs.</summary>
    Push,
}
