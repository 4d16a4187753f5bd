using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Compute step (reads, never writes): maps the SDK's GeneratedContainer items to the images with the HEALTHCHECK.
/// Each single-image build records which decision it wrote under the SDK's manifest digest; MSBuild hands a target's
/// outputs back before our AfterTargets run, so the outer build (multi-RID, and PublishContainer itself) sees the SDK's
/// digests and needs this map to report, archive and index the final images.
/// </summary>
public sealed class ApplyHealthCheckRecords : Task
{
    [Required]
    public ITaskItem[] GeneratedContainers { get; set; } = [];

    [Required]
    public string RecordDirectory { get; set; } = "";

    /// <summary>The SDK's image index JSON (multi-RID), to point at the final manifests.</summary>
    public string ImageIndex { get; set; } = "";

    /// <summary>The final images, one per distinct image, with the SDK's metadata names.</summary>
    [Output]
    public ITaskItem[] FinalContainers { get; set; } = [];

    /// <summary>One item per image that got a HEALTHCHECK: ItemSpec is the SDK's manifest digest; metadata ConfigDigest
    /// (the SDK's), NewManifestDigest, NewManifest, NewConfiguration and DecisionFile.</summary>
    [Output]
    public ITaskItem[] Replacements { get; set; } = [];

    [Output]
    public string FinalImageIndex { get; set; } = "";

    public override bool Execute()
    {
        var final = new Dictionary<string, ITaskItem>(StringComparer.Ordinal);
        var replacements = new List<ITaskItem>();
        var indexEntries = new Dictionary<string, BlobDescriptor>(StringComparer.Ordinal);
        foreach (var container in GeneratedContainers)
        {
            var digest = container.GetMetadata("ManifestDigest");
            var decisionFile = HealthCheckRecord.Read(RecordDirectory, digest);
            if (decisionFile is null)
            {
                final.TryAdd(digest, container);
                continue;
            }

            var image = HealthCheckImage.Create(container.GetMetadata("Configuration"), container.GetMetadata("Manifest"), HealthCheckSelection.Decided(decisionFile));
            var item = new TaskItem(container.ItemSpec);
            container.CopyMetadataTo(item);
            item.SetMetadata("Configuration", image.Config);
            item.SetMetadata("Manifest", image.Manifest);
            item.SetMetadata("ManifestDigest", image.ManifestDigest);
            item.SetMetadata("ManifestMediaType", image.ManifestMediaType);
            final[image.ManifestDigest] = item;
            final.Remove(digest);

            var replacement = new TaskItem(digest);
            replacement.SetMetadata("ConfigDigest", ManifestConfig.ConfigDigest(container.GetMetadata("Manifest")));
            replacement.SetMetadata("NewManifestDigest", image.ManifestDigest);
            replacement.SetMetadata("NewManifest", image.Manifest);
            replacement.SetMetadata("NewConfiguration", image.Config);
            replacement.SetMetadata("DecisionFile", decisionFile);
            replacements.Add(replacement);
            indexEntries[digest] = new BlobDescriptor(image.ManifestDigest, image.ManifestBytes.LongLength, image.ManifestMediaType);
        }

        // The SDK's own (unpatched) items also come back for images we already replaced in this project.
        foreach (var replacement in replacements)
        {
            final.Remove(replacement.ItemSpec);
        }

        FinalContainers = final.Values.ToArray();
        Replacements = replacements.ToArray();
        FinalImageIndex = ImageIndex.Length == 0 || indexEntries.Count == 0 ? ImageIndex : IndexManifests.Replace(ImageIndex, indexEntries);
        return true;
    }
}
