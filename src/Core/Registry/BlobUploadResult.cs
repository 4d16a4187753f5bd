namespace ContainerHealth.Registry;

public enum BlobUploadResult
{
    /// <summary>The repository had the blob already; nothing was sent.</summary>
    AlreadyPresent,

    /// <summary>The registry linked the blob from another repository (cross-repository mount); nothing was sent.</summary>
    Mounted,

    /// <summary>The blob's bytes were uploaded.</summary>
    Uploaded,
}
