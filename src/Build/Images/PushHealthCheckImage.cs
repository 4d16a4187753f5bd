using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for ContainerRegistry: pushes the image with the HEALTHCHECK (new config blob, then the manifest)
/// under every tag the SDK pushed, with the credentials the SDK would use.
/// </summary>
public sealed class PushHealthCheckImage : Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    [Required]
    public string Registry { get; set; } = "";

    [Required]
    public string Repository { get; set; } = "";

    [Required]
    public ITaskItem[] Tags { get; set; } = [];

    [Required]
    public string Configuration { get; set; } = "";

    [Required]
    public string Manifest { get; set; } = "";

    [Required]
    public string ManifestMediaType { get; set; } = "";

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var image = new HealthCheckImage(
            Configuration, ContentDigest.Compute(System.Text.Encoding.UTF8.GetBytes(Configuration)),
            Manifest, ContentDigest.Compute(System.Text.Encoding.UTF8.GetBytes(Manifest)), ManifestMediaType);
        var tags = Tags.Select(t => t.ItemSpec).ToArray();
        var repository = new ImageReference(Registry, Repository);
        return RegistryPush.Run(Log, $"{Registry}/{Repository}", async () =>
        {
            using var client = RegistryPush.CreateClient(Log);
            await new RegistryImageWriter(client).PushImageAsync(repository, image, tags, cancellation.Token);
        }, $"pushed {image.ManifestDigest} as {string.Join(", ", tags)}");
    }
}
