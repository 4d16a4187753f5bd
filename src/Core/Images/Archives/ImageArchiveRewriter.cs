using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Registry;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// Writes the HEALTHCHECK into every image of an image archive, so that a failure at any point leaves the old archive or
/// the new one: in place when only its tail of small entries changes (<see cref="ArchiveTailRewrite"/>: the SDK's
/// archives), else as a new file moved over the old one (<see cref="ArchiveCopyRewrite"/>). Handles both forms the SDK and the engines write: an OCI image
/// layout (<c>index.json</c> + <c>blobs/sha256/</c>, single image or index) and a docker-archive (<c>manifest.json</c> +
/// <c>&lt;hex&gt;.json</c> configs); an archive holding both is updated in both. Layers are never read into memory.
/// </summary>
public static class ImageArchiveRewriter
{
    private const string OciIndexFile = "index.json";
    private const string DockerManifestFile = "manifest.json";

    /// <summary>Writes the decision's HEALTHCHECK into every image of the archive.</summary>
    public static ImageArchiveRewrite Rewrite(string archivePath, HealthCheckDecisionRecord decision) =>
        Rewrite(archivePath, (_, _) => decision);

    /// <summary>Writes into each image the HEALTHCHECK of the decision <paramref name="select"/> picks for it (null leaves the image as it is).</summary>
    public static ImageArchiveRewrite Rewrite(string archivePath, HealthCheckSelector select)
    {
        var plan = Plan(archivePath, select);
        Write(archivePath, plan);
        return new ImageArchiveRewrite(plan.TopLevelManifests, plan.Images, plan.RewrittenConfigs);
    }

    /// <summary>What the rewrite changes, computed from the archive's small entries; nothing is written.</summary>
    internal static ArchiveRewritePlan Plan(string archivePath, HealthCheckSelector select)
    {
        var plan = new ArchiveRewritePlan(ArchiveContents.Read(archivePath));
        var small = plan.Contents.Small;

        if (small.TryGetValue(OciIndexFile, out var ociIndex))
        {
            var index = RewriteIndex(Encoding.UTF8.GetString(ociIndex), plan, select) ?? Encoding.UTF8.GetString(ociIndex);
            plan.Replace(OciIndexFile, index);
            plan.TopLevelManifests.AddRange(IndexManifests.Entries(index));
        }

        if (small.TryGetValue(DockerManifestFile, out var dockerManifest))
        {
            plan.Replace(DockerManifestFile, RewriteDockerManifest(Encoding.UTF8.GetString(dockerManifest), plan, select));
        }

        if (!small.ContainsKey(OciIndexFile) && !small.ContainsKey(DockerManifestFile))
        {
            throw new InvalidDataException($"{archivePath} is neither an OCI image layout nor a docker-archive (no {OciIndexFile} or {DockerManifestFile})");
        }

        return plan;
    }

    private static string? RewriteIndex(string indexJson, ArchiveRewritePlan plan, HealthCheckSelector select)
    {
        var replacements = new Dictionary<string, BlobDescriptor>();
        foreach (var entry in IndexManifests.Entries(indexJson))
        {
            var blobName = BlobName(entry.Digest);
            var content = plan.Original(blobName);
            var json = Encoding.UTF8.GetString(content);
            var mediaType = entry.MediaType ?? ManifestConfig.MediaType(json);
            string replaced;
            if (ImageMediaTypes.IsIndex(mediaType))
            {
                if (RewriteIndex(json, plan, select) is not { } nested)
                {
                    continue;
                }

                replaced = nested;
            }
            else if (ImageMediaTypes.IsManifest(mediaType))
            {
                var configDigest = ManifestConfig.ConfigDigest(json);
                if (select(entry.Digest, configDigest) is not { } decision)
                {
                    continue;
                }

                var image = HealthCheckImage.Create(Encoding.UTF8.GetString(plan.Original(BlobName(configDigest))), json, decision);
                plan.Remove(BlobName(configDigest));
                plan.Add(BlobName(image.ConfigDigest), image.ConfigBytes);
                plan.Images.Add(image);
                plan.RewrittenConfigs++;
                replaced = image.Manifest;
            }
            else
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(replaced);
            var digest = ContentDigest.Compute(bytes);
            plan.Remove(blobName);
            plan.Add(BlobName(digest), bytes);
            replacements[entry.Digest] = new BlobDescriptor(digest, bytes.LongLength, mediaType);
        }

        return replacements.Count == 0 ? null : IndexManifests.Replace(indexJson, replacements);
    }

    private static string RewriteDockerManifest(string manifestJson, ArchiveRewritePlan plan, HealthCheckSelector select)
    {
        var images = JsonNode.Parse(manifestJson) as JsonArray ?? throw new InvalidDataException($"{DockerManifestFile} is not a JSON array");
        foreach (var image in images.OfType<JsonObject>())
        {
            var configName = image["Config"]?.GetValue<string>() ?? throw new InvalidDataException($"an entry of {DockerManifestFile} has no Config");
            var originalDigest = "sha256:" + Path.GetFileNameWithoutExtension(configName);
            if (select(null, originalDigest) is not { } decision)
            {
                continue;
            }

            var (config, digest) = HealthCheckImage.FinalConfig(Encoding.UTF8.GetString(plan.Original(configName)), decision);
            var bytes = Encoding.UTF8.GetBytes(config);
            var newName = configName.StartsWith("blobs/sha256/", StringComparison.Ordinal) ? BlobName(digest) : ContentDigest.Hex(digest) + ".json";
            plan.Remove(configName);
            plan.Add(newName, bytes);
            image["Config"] = newName;
            plan.RewrittenConfigs++;
        }

        return images.ToJsonString();
    }

    private static string BlobName(string digest) => "blobs/sha256/" + ContentDigest.Hex(digest);

    private static void Write(string archivePath, ArchiveRewritePlan plan)
    {
        if (plan.Added.Count == 0 && plan.Removed.Count == 0)
        {
            return;
        }

        if (ArchiveTailRewrite.Prepare(archivePath, plan) is { } inPlace)
        {
            try
            {
                inPlace.Apply(archivePath);
                return;
            }
            catch (UnauthorizedAccessException)
            {
                // A read-only archive cannot change in place (nothing was written), but the directory may let a new file replace it.
            }
        }

        ArchiveCopyRewrite.Apply(archivePath, plan);
    }
}
