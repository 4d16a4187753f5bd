namespace ContainerHealth.Verify;

/// <summary>Where the image to verify is: known at publish (the SDK's destination), guessed for the CLI.</summary>
public enum ImageLocation
{
    /// <summary>An archive file if one exists at the path, else the engine's own image, else a registry pull.</summary>
    Any,

    /// <summary>Already in the local engine (the SDK loaded it there).</summary>
    Engine,

    /// <summary>An image archive (<c>docker save</c> / docker-archive, or an OCI layout tarball) to load.</summary>
    Archive,

    /// <summary>A registry reference to pull, even when the engine has an older image of that name.</summary>
    Registry,
}
