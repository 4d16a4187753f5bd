namespace ContainerHealth.Images.Archives;

/// <summary>
/// What an archive rewrite produced: the archive's top-level entries (OCI layouts), every OCI image it updated with its
/// new manifest, and how many image configs it rewrote in all (docker-archives have configs but no manifests).
/// </summary>
public sealed record ImageArchiveRewrite(IReadOnlyList<BlobDescriptor> TopLevel, IReadOnlyList<HealthCheckImage> Images, int RewrittenConfigs);
