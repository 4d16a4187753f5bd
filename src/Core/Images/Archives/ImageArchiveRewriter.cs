using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Registry;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// Writes the HEALTHCHECK into every image of an image archive, in place and atomically: the new archive is written next
/// to the old one and moved over it only when complete. Handles both forms the SDK and the engines write: an OCI image
/// layout (<c>index.json</c> + <c>blobs/sha256/</c>, single image or index) and a docker-archive (<c>manifest.json</c> +
/// <c>&lt;hex&gt;.json</c> configs); an archive holding both is updated in both. Layers are copied, never re-read into memory.
/// </summary>
public static class ImageArchiveRewriter
{
    // Configs, manifests and indexes are small; layers are not and are streamed.
    private const long MetadataSizeLimit = 4 * 1024 * 1024;
    private const string OciIndexFile = "index.json";
    private const string DockerManifestFile = "manifest.json";

    /// <summary>Writes the decision's HEALTHCHECK into every image of the archive.</summary>
    public static ImageArchiveRewrite Rewrite(string archivePath, HealthCheckDecisionRecord decision) =>
        Rewrite(archivePath, (_, _) => decision);

    /// <summary>Writes into each image the HEALTHCHECK of the decision <paramref name="select"/> picks for it (null leaves the image as it is).</summary>
    public static ImageArchiveRewrite Rewrite(string archivePath, HealthCheckSelector select)
    {
        var small = ReadSmallEntries(archivePath);
        var plan = new RewritePlan(small);

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

        WriteAtomically(archivePath, plan);
        return new ImageArchiveRewrite(plan.TopLevelManifests, plan.Images, plan.RewrittenConfigs);
    }

    private static string? RewriteIndex(string indexJson, RewritePlan plan, HealthCheckSelector select)
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

    private static string RewriteDockerManifest(string manifestJson, RewritePlan plan, HealthCheckSelector select)
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

    private static Dictionary<string, byte[]> ReadSmallEntries(string archivePath)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var file = File.OpenRead(archivePath);
        using var reader = new TarReader(file);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Length <= MetadataSizeLimit && entry.DataStream is not null)
            {
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                entries[Normalize(entry.Name)] = buffer.ToArray();
            }
        }

        return entries;
    }

    private static string Normalize(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;

    private static void WriteAtomically(string archivePath, RewritePlan plan) => AtomicFile.Write(archivePath, temporary =>
    {
        using var output = File.Create(temporary);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        using var input = File.OpenRead(archivePath);
        using var reader = new TarReader(input);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var modified = DateTimeOffset.UtcNow;
        while (reader.GetNextEntry() is { } entry)
        {
            var name = Normalize(entry.Name);
            if (plan.Removed.Contains(name) || plan.Added.ContainsKey(name))
            {
                modified = entry.ModificationTime;
                continue;
            }

            writer.WriteEntry(entry);
            written.Add(name);
        }

        foreach (var (name, bytes) in plan.Added)
        {
            if (!written.Add(name))
            {
                continue;
            }

            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(bytes),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = modified,
            };
            writer.WriteEntry(entry);
        }
    });

    private sealed class RewritePlan(Dictionary<string, byte[]> original)
    {
        public Dictionary<string, byte[]> Added { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        public List<BlobDescriptor> TopLevelManifests { get; } = [];

        public List<HealthCheckImage> Images { get; } = [];

        public int RewrittenConfigs { get; set; }

        public byte[] Original(string name) =>
            original.TryGetValue(name, out var bytes) ? bytes : throw new InvalidDataException($"the archive has no {name}");

        public void Add(string name, byte[] bytes)
        {
            Added[name] = bytes;
            Removed.Remove(name);
        }

        public void Remove(string name)
        {
            if (!Added.ContainsKey(name))
            {
                Removed.Add(name);
            }
        }

        public void Replace(string name, string json) => Add(name, Encoding.UTF8.GetBytes(json));
    }
}
