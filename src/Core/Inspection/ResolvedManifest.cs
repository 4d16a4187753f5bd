using ContainerHealth.Registry;

namespace ContainerHealth.Inspection;

/// <summary>The manifest of one platform's image, after the index (if any) was read and the platform chosen.</summary>
public sealed record ResolvedManifest(string Digest, ImageManifest Manifest);
