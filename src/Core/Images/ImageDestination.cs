namespace ContainerHealth.Images;

/// <summary>
/// Where the SDK put the image it built, decided the way the SDK decides it (an archive path wins over a registry, and
/// with neither the image goes to the local engine); <see cref="None"/> for the inner build of a multi-RID publish, which
/// builds an image but publishes nothing itself.
/// </summary>
public enum ImageDestination
{
    None,
    Archive,
    Registry,
    LocalEngine,
}

public static class ImageDestinations
{
    public static ImageDestination Choose(bool skipPublishing, string archiveOutputPath, string registry) =>
        skipPublishing ? ImageDestination.None
        : archiveOutputPath.Length > 0 ? ImageDestination.Archive
        : registry.Length > 0 ? ImageDestination.Registry
        : ImageDestination.LocalEngine;
}
