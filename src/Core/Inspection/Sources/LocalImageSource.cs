using ContainerHealth.Images;
using System.Text.Json;
using ContainerHealth.Registry;

namespace ContainerHealth.Inspection.Sources;

/// <summary>
/// An image on disk instead of in a registry: an OCI image layout directory, or an image archive (a tar of an OCI layout,
/// or a docker-archive from <c>docker save</c>), optionally gzip-compressed. <c>PATH:REF</c> picks one image of several
/// by its <c>org.opencontainers.image.ref.name</c> or docker <c>RepoTags</c>. Malformed stores are <see cref="InvalidDataException"/>.
/// </summary>
public sealed class LocalImageSource : IDisposable
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private const string OciIndexFile = "index.json";
    private const string DockerManifestFile = "manifest.json";

    private readonly IImageFiles files;

    private LocalImageSource(string name, IImageFiles files, IReadOnlyList<StoredImage> images)
    {
        Name = name;
        this.files = files;
        Images = images;
    }

    /// <summary>How facts and messages name the image: the path, with <c>:REF</c> when one was given.</summary>
    public string Name { get; }

    /// <summary>The image's platforms, one entry each.</summary>
    public IReadOnlyList<StoredImage> Images { get; }

    /// <summary>Whether <paramref name="argument"/> names something on disk (<c>PATH</c> or <c>PATH:REF</c>) rather than a registry image.</summary>
    public static bool NamesLocalPath(string argument) => Split(argument) is not null;

    /// <summary>Opens the store <paramref name="argument"/> names; null when it names nothing on disk.</summary>
    public static LocalImageSource? Open(string argument)
    {
        if (Split(argument) is not var (path, reference))
        {
            return null;
        }

        IImageFiles files = Directory.Exists(path) ? new DirectoryImageFiles(path) : TarImageFiles.Read(path);
        try
        {
            var images = files.Exists(OciIndexFile) ? ReadOciLayout(files, reference)
                : files.Exists(DockerManifestFile) ? ReadDockerArchive(files, reference)
                : throw new InvalidDataException($"{path} is neither an OCI image layout nor a docker-archive (it has no {OciIndexFile} or {DockerManifestFile})");
            return new LocalImageSource(argument, files, images);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FileNotFoundException)
        {
            files.Dispose();
            throw new InvalidDataException($"{argument} is not a readable image store: {e.Message}", e);
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>The image for <paramref name="platform"/>; without one, the only platform there is.</summary>
    public StoredImage Select(Platform? platform)
    {
        var available = string.Join(", ", Images.Select(i => i.Platform));
        if (platform is null)
        {
            return Images.Count == 1 ? Images[0]
                : throw new InvalidDataException($"{Name} holds several platforms ({available}); choose one with --platform");
        }

        return Images.FirstOrDefault(i => platform.Matches(i.Platform))
            ?? throw new InvalidDataException($"{Name} has no image for {platform} (it has {available})");
    }

    public Stream OpenFile(string file) => files.Open(file);

    public void Dispose() => files.Dispose();

    private static (string Path, string? Reference)? Split(string argument)
    {
        if (File.Exists(argument) || Directory.Exists(argument))
        {
            return (argument, null);
        }

        var colon = argument.LastIndexOf(':');
        return colon > 0 && (File.Exists(argument[..colon]) || Directory.Exists(argument[..colon]))
            ? (argument[..colon], argument[(colon + 1)..])
            : null;
    }

    private static List<StoredImage> ReadOciLayout(IImageFiles files, string? reference)
    {
        var entries = ReadJson(files, OciIndexFile).RootElement.GetProperty("manifests").EnumerateArray().Select(e => e.Clone()).ToList();
        var names = entries.Select(RefName).Where(n => n is not null).Distinct().ToList();
        if (reference is not null)
        {
            entries = entries.Where(e => RefName(e) == reference).ToList();
            if (entries.Count == 0)
            {
                throw new InvalidDataException($"the layout has no image named '{reference}' (it has {Listing(names)})");
            }
        }
        else if (names.Count > 1)
        {
            throw new InvalidDataException($"the layout holds several images ({Listing(names)}); name one as PATH:REF");
        }

        var images = new List<StoredImage>();
        foreach (var entry in entries)
        {
            AddOciImages(files, entry, images);
        }

        return images;
    }

    private static void AddOciImages(IImageFiles files, JsonElement descriptor, List<StoredImage> images)
    {
        var digest = descriptor.GetProperty("digest").GetString()!;
        using var document = ReadJson(files, BlobFile(digest));
        var root = document.RootElement;
        var mediaType = descriptor.TryGetProperty("mediaType", out var m) ? m.GetString() : root.TryGetProperty("mediaType", out var inner) ? inner.GetString() : null;
        if (mediaType is not null && ImageMediaTypes.IsIndex(mediaType) || root.TryGetProperty("manifests", out _))
        {
            foreach (var nested in root.GetProperty("manifests").EnumerateArray())
            {
                AddOciImages(files, nested, images);
            }

            return;
        }

        var configFile = BlobFile(root.GetProperty("config").GetProperty("digest").GetString()!);
        var platform = descriptor.TryGetProperty("platform", out var p) ? ReadPlatform(p) : null;
        platform ??= ConfigPlatform(files, configFile);
        if (platform.Os == "unknown")
        {
            return; // attestation manifests (buildx provenance/SBOM) are not images
        }

        var layers = root.GetProperty("layers").EnumerateArray().Select(l => BlobFile(l.GetProperty("digest").GetString()!)).ToList();
        images.Add(new StoredImage(platform, digest, configFile, layers));
    }

    private static List<StoredImage> ReadDockerArchive(IImageFiles files, string? reference)
    {
        var entries = ReadJson(files, DockerManifestFile).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        var tags = entries.SelectMany(RepoTags).ToList();
        if (reference is not null)
        {
            entries = entries.Where(e => RepoTags(e).Any(t => t == reference || t.EndsWith("/" + reference, StringComparison.Ordinal))).ToList();
            if (entries.Count == 0)
            {
                throw new InvalidDataException($"the archive has no image tagged '{reference}' (it has {Listing(tags)})");
            }
        }
        else if (entries.Count > 1)
        {
            throw new InvalidDataException($"the archive holds several images ({Listing(tags)}); name one as PATH:TAG");
        }

        return entries.Select(e =>
        {
            var configFile = e.GetProperty("Config").GetString()!;
            var layers = e.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList();
            return new StoredImage(ConfigPlatform(files, configFile), null, configFile, layers);
        }).ToList();
    }

    private static Platform ConfigPlatform(IImageFiles files, string configFile)
    {
        using var document = ReadJson(files, configFile);
        var root = document.RootElement;
        return ReadPlatform(root) ?? throw new InvalidDataException($"the image config {configFile} names no os/architecture");
    }

    private static Platform? ReadPlatform(JsonElement element)
    {
        string? Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return Text("os") is { } os && Text("architecture") is { } architecture ? new Platform(os, architecture, Text("variant")) : null;
    }

    private static string? RefName(JsonElement entry) =>
        entry.TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty(RefNameAnnotation, out var name) ? name.GetString() : null;

    private static IEnumerable<string> RepoTags(JsonElement entry) =>
        entry.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [];

    private static string Listing(IEnumerable<string?> names) =>
        names.Any() ? string.Join(", ", names) : "no named images";

    private static string BlobFile(string digest) =>
        ContentDigest.IsValid(digest) ? "blobs/sha256/" + ContentDigest.Hex(digest) : throw new InvalidDataException($"'{digest}' is not a sha256 digest");

    private static JsonDocument ReadJson(IImageFiles files, string name)
    {
        using var stream = files.Open(name);
        return JsonDocument.Parse(stream);
    }
}
