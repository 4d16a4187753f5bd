using System.Text.Json.Serialization;

namespace ContainerHealth.Registry;

/// <summary>A pointer to content: what it is, its digest and size, and for index entries the platform.</summary>
public sealed record Descriptor(
    string MediaType,
    string Digest,
    long Size,
    Platform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null);

/// <summary>An OS/architecture pair as in an image index, e.g. linux/amd64, linux/arm64/v8.</summary>
public sealed record Platform(
    string Os,
    string Architecture,
    string? Variant = null,
    [property: JsonPropertyName("os.version")] string? OsVersion = null)
{
    /// <summary>The platform a .NET runtime identifier runs on: linux-x64 → linux/amd64, linux-musl-arm64 → linux/arm64, ...</summary>
    public static Platform? FromRuntimeIdentifier(string runtimeIdentifier)
    {
        var parts = runtimeIdentifier.ToLowerInvariant().Split('-');
        if (parts.Length < 2)
        {
            return null;
        }

        var os = parts[0] switch
        {
            "linux" => "linux",
            "win" => "windows",
            _ => null,
        };
        Platform? platform = parts[^1] switch
        {
            "x64" => new("", "amd64"),
            "arm64" => new("", "arm64"),
            "arm" => new("", "arm", "v7"),
            "x86" => new("", "386"),
            "s390x" => new("", "s390x"),
            "ppc64le" => new("", "ppc64le"),
            "loongarch64" => new("", "loong64"),
            _ => null,
        };
        return os is null || platform is null ? null : platform with { Os = os };
    }

    /// <summary>Parses <c>os/architecture[/variant]</c> as docker's --platform takes it (e.g. linux/arm64/v8); null when it is not that shape.</summary>
    public static Platform? Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('/');
        return parts.Length is < 2 or > 3 || parts.Any(part => part.Length == 0)
            ? null
            : new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Whether an index entry with platform <paramref name="candidate"/> runs here (arm64 "v8" and no variant are the same).</summary>
    public bool Matches(Platform? candidate) =>
        candidate is not null
        && string.Equals(Os, candidate.Os, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Architecture, candidate.Architecture, StringComparison.OrdinalIgnoreCase)
        && (Variant is null || candidate.Variant is null || string.Equals(Variant, candidate.Variant, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}

/// <summary>A single-platform image manifest (OCI or Docker v2 schema 2).</summary>
public sealed record ImageManifest(
    int SchemaVersion,
    string? MediaType,
    Descriptor Config,
    IReadOnlyList<Descriptor> Layers);

/// <summary>A multi-platform image index (OCI) or manifest list (Docker).</summary>
public sealed record ImageIndex(
    int SchemaVersion,
    string? MediaType,
    IReadOnlyList<Descriptor> Manifests)
{
    /// <summary>The entry for <paramref name="platform"/>, skipping attestation manifests (platform unknown/unknown).</summary>
    public Descriptor? Find(Platform platform) => Manifests.FirstOrDefault(m => platform.Matches(m.Platform));
}
