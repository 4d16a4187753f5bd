using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for a multi-RID publish to ContainerRegistry: the per-RID images with the HEALTHCHECK are already
/// in the repository; push the index that lists them under every tag, replacing the SDK's.
/// </summary>
public sealed class PushHealthCheckIndex : RegistryPushTask
{
    [Required]
    public string ImageIndex { get; set; } = "";

    public override bool Execute() =>
        Push(async (repository, tags, writer, cancellation) =>
        {
            await writer.PushIndexAsync(repository, ImageIndex, tags, cancellation);
            return $"pushed the image index as {string.Join(", ", tags)}";
        });
}
