using ContainerHealth.Images;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for ContainerRegistry: pushes the image with the HEALTHCHECK (new config blob, then the manifest)
/// under every tag the SDK pushed, with the credentials the SDK would use.
/// </summary>
public sealed class PushHealthCheckImage : RegistryPushTask
{
    /// <summary>The final config (CreateHealthCheckImage's NewConfiguration).</summary>
    [Required]
    public string Configuration { get; set; } = "";

    /// <summary>The final manifest (CreateHealthCheckImage's NewManifest).</summary>
    [Required]
    public string Manifest { get; set; } = "";

    public override bool Execute() => Push(async (repository, tags, writer, cancellation) =>
    {
        var image = HealthCheckImage.Of(Configuration, Manifest);
        await writer.PushImageAsync(repository, image, tags, cancellation);
        return $"pushed {image.ManifestDigest} as {string.Join(", ", tags)}";
    });
}
