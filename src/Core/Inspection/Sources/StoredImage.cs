using ContainerHealth.Registry;

namespace ContainerHealth.Inspection.Sources;

/// <summary>One platform's image in a local store: its config and layers as files of the store.</summary>
public sealed record StoredImage(Platform Platform, string? ManifestDigest, string ConfigFile, IReadOnlyList<string> LayerFiles);
