using ContainerHealth.Images;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for ContainerRegistry: pushes the image with the HEALTHCHECK (new config blob, then the manifest)
/// under every tag the SDK pushed, with the credentials the SDK would use.
/// </summary>
public sealed class PushHealthCheckImage : RegistryPushTask
{
    [Required]
    public string Configuration { get; set; } = "";

    [Required]
    public string Manifest { get; set; } = "";

    [Required]
    public string ManifestMediaType { get; set; } = "";

    public override bool Execute()
    {
        var image = new HealthCheckImage(
            Configuration, ContentDigest.Compute(System.Text.Encoding.UTF8.GetBytes(Configuration)),
            Manifest, ContentDigest.Compute(System.Text.Encoding.UTF8.GetBytes(Manifest)), ManifestMediaType);
        return Push(async (repository, tags, writer, cancellation) =>
        {
            await writer.PushImageAsync(repository, image, tags, cancellation);
            return $"pushed {image.ManifestDigest} as {string.Join(", ", tags)}";
        });
    }
}
