using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for a multi-RID publish to ContainerRegistry: the per-RID images with the HEALTHCHECK are already
/// in the repository; push the index that lists them under every tag, replacing the SDK's.
/// </summary>
public sealed class PushHealthCheckIndex : Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    [Required]
    public string Registry { get; set; } = "";

    [Required]
    public string Repository { get; set; } = "";

    [Required]
    public ITaskItem[] Tags { get; set; } = [];

    [Required]
    public string ImageIndex { get; set; } = "";

    [Output]
    public string ImageIndexDigest { get; set; } = "";

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var tags = Tags.Select(t => t.ItemSpec).ToArray();
        var repository = new ImageReference(Registry, Repository);
        return RegistryPush.Run(Log, $"{Registry}/{Repository}", async () =>
        {
            using var client = RegistryPush.CreateClient(Log);
            ImageIndexDigest = await new ContainerHealth.Images.RegistryImageWriter(client).PushIndexAsync(repository, ImageIndex, tags, cancellation.Token);
        }, $"pushed the image index as {string.Join(", ", tags)}");
    }
}
