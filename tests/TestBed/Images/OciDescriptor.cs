namespace ContainerHealth.TestBed.Images;

/// <summary>An OCI content descriptor; <see cref="DiffId"/> is the digest of the uncompressed layer tar.</summary>
public sealed record OciDescriptor(string MediaType, string Digest, long Size, string? DiffId = null);
