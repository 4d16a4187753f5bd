using ContainerHealth.Images;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for ContainerRegistry: pushes the image with the HEALTHCHECK (new config blob, then the manifest)
/// under every tag the SDK pushed, with the credentials the SDK would use.
/// </summary>
public sealed class PushHealthCheckImage : RegistryPushTask
{
    /// <summary>The config the SDK generated.</summary>
    [Required]
    public string Configuration { get; set; } = "";

    /// <summary>The manifest the SDK generated.</summary>
    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>This RID's decision record, whose HEALTHCHECK goes into the image.</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    public override bool Execute() => Push(async (repository, tags, writer, cancellation) =>
    {
        var image = HealthCheckImage.Create(Configuration, Manifest, HealthCheckSelection.Decided(DecisionFile));
        await writer.PushImageAsync(repository, image, tags, cancellation);
        return $"pushed {image.ManifestDigest} as {string.Join(", ", tags)}";
    });
}
