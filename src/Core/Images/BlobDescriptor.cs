namespace ContainerHealth.Images;

/// <summary>A content-addressed blob as a manifest or index refers to it.</summary>
public sealed record BlobDescriptor(string Digest, long Size, string? MediaType = null);
