namespace ContainerHealth.Images.Archives;

/// <summary>What an archive rewrite produced: the archive's top-level entries (OCI layouts) and every image it updated.</summary>
public sealed record ImageArchiveRewrite(IReadOnlyList<BlobDescriptor> TopLevel, IReadOnlyList<HealthCheckImage> Images);
