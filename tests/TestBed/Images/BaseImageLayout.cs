using System.Security.Cryptography;
using System.Text;

namespace ContainerHealth.TestBed.Images;

/// <summary>
/// All fixture base images in one OCI layout on disk (artifacts/testbed/base-images/KEY), tagged by
/// <see cref="RefName"/>. Built once: the key hashes the recipes (entries, modes, host files' sizes and times, configs),
/// and a cross-process lock lets parallel test processes share one build.
/// </summary>
public static class BaseImageLayout
{
    // Bump when OciLayoutWriter changes what it writes for the same recipes.
    private const string WriterVersion = "1";
    private static readonly Lazy<Task<string>> Built = new(BuildOrReuseAsync);

    public static string CacheDirectory => RepositoryLayout.Path("artifacts", "testbed", "base-images");

    /// <summary>The layout's directory (for <c>skopeo copy oci:DIR:REF</c>, <c>umoci unpack --image DIR:REF</c>).</summary>
    public static Task<string> GetAsync() => Built.Value;

    /// <summary>The tag of an image inside the layout, e.g. <c>chiseled</c>.</summary>
    public static string RefName(BaseImageKind kind) => BaseImageNames.Repository(kind);

    private static async Task<string> BuildOrReuseAsync()
    {
        var recipes = await BaseImageRecipes.CreateAsync();
        var key = Key(recipes);
        var layout = Path.Combine(CacheDirectory, key);
        if (File.Exists(Path.Combine(layout, "index.json")))
        {
            return layout;
        }

        using var crossProcess = await CrossProcessLock.AcquireAsync(Path.Combine(CacheDirectory, ".build.lock"));
        if (File.Exists(Path.Combine(layout, "index.json")))
        {
            return layout;
        }

        foreach (var stale in Directory.GetDirectories(CacheDirectory))
        {
            Leftovers.LeftoverLedger.DeleteDirectory(stale);
        }

        var building = layout + ".building";
        Write(recipes, building);
        Directory.Move(building, layout);
        return layout;
    }

    private static void Write(BaseImageRecipes recipes, string directory)
    {
        var writer = new OciLayoutWriter(directory);
        var layers = recipes.Layers.AsParallel().ToDictionary(l => l.Key, l => writer.WriteLayer(l.Value));
        foreach (var group in recipes.Images.GroupBy(i => i.Kind))
        {
            var manifests = group.Select(image => (Manifest: writer.WriteImage(image.Platform, image.Config, [.. image.Layers.Select(l => layers[l])]), image.Platform)).ToList();
            var tagged = manifests.Count == 1 ? manifests[0].Manifest : writer.WriteIndex(manifests);
            writer.Tag(tagged, RefName(group.Key));
        }

        writer.Complete();
    }

    private static string Key(BaseImageRecipes recipes)
    {
        var description = new StringBuilder(WriterVersion).AppendLine();
        foreach (var (name, entries) in recipes.Layers.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            description.AppendLine(name);
            foreach (var entry in entries)
            {
                description.AppendLine(entry.ToString());
                if (entry is LayerEntry.HostFile file)
                {
                    var info = new FileInfo(file.Source);
                    description.Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).AppendLine();
                }
            }
        }

        foreach (var image in recipes.Images)
        {
            description.AppendLine($"{image.Kind} {image.Platform} {string.Join(',', image.Layers)} {image.Config.ToJsonString()}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description.ToString())))[..16];
    }
}
