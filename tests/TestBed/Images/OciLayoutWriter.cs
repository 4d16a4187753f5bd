using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContainerHealth.TestBed.Images;

/// <summary>
/// Writes an OCI image layout (oci-layout, index.json, blobs/sha256/...): gzip layers from <see cref="LayerEntry"/> lists,
/// image configs, manifests and indexes. Tags go into index.json as <c>org.opencontainers.image.ref.name</c>.
/// </summary>
public sealed class OciLayoutWriter
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;
    private readonly string root;
    private readonly JsonArray tagged = [];

    public OciLayoutWriter(string root)
    {
        this.root = root;
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(root, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
    }

    public OciDescriptor WriteLayer(IEnumerable<LayerEntry> entries)
    {
        var temporary = Path.Combine(root, "blobs", "layer-" + Guid.NewGuid().ToString("N") + ".tmp");
        string diffId;
        string digest;
        long size;
        using (var file = File.Create(temporary))
        using (var compressed = new HashingStream(file))
        {
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            using (var uncompressed = new HashingStream(gzip))
            {
                using (var tar = new TarWriter(uncompressed, TarEntryFormat.Pax, leaveOpen: true))
                {
                    foreach (var entry in entries)
                    {
                        WriteEntry(tar, entry);
                    }
                }

                diffId = uncompressed.Digest;
            }

            digest = compressed.Digest;
            size = compressed.BytesWritten;
        }

        File.Move(temporary, BlobPath(digest), overwrite: true);
        return new OciDescriptor(OciMediaTypes.GzipLayer, digest, size, diffId);
    }

    public OciDescriptor WriteJson(string mediaType, JsonNode json)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(json);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllBytes(BlobPath(digest), bytes);
        return new OciDescriptor(mediaType, digest, bytes.Length);
    }

    /// <summary>Writes the config and manifest of a single-platform image and returns the manifest's descriptor.</summary>
    public OciDescriptor WriteImage(ImagePlatform platform, JsonObject containerConfig, IReadOnlyList<OciDescriptor> layers)
    {
        var config = new JsonObject
        {
            ["created"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["architecture"] = platform.Architecture,
            ["os"] = "linux",
            ["config"] = containerConfig,
            ["rootfs"] = new JsonObject
            {
                ["type"] = "layers",
                ["diff_ids"] = new JsonArray([.. layers.Select(l => JsonValue.Create(l.DiffId))]),
            },
            ["history"] = new JsonArray([.. layers.Select(_ => new JsonObject { ["created_by"] = "ContainerHealth.TestBed" })]),
        };
        if (platform.Variant is { } variant)
        {
            config["variant"] = variant;
        }

        var configDescriptor = WriteJson(OciMediaTypes.Config, config);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Manifest,
            ["config"] = ToJson(configDescriptor),
            ["layers"] = new JsonArray([.. layers.Select(ToJson)]),
        };
        return WriteJson(OciMediaTypes.Manifest, manifest);
    }

    public OciDescriptor WriteIndex(IReadOnlyList<(OciDescriptor Manifest, ImagePlatform Platform)> manifests)
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Index,
            ["manifests"] = new JsonArray([.. manifests.Select(m =>
            {
                var json = ToJson(m.Manifest);
                json["platform"] = m.Platform.ToJson();
                return (JsonNode)json;
            })]),
        };
        return WriteJson(OciMediaTypes.Index, index);
    }

    public void Tag(OciDescriptor descriptor, string name)
    {
        var json = ToJson(descriptor);
        json["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = name };
        tagged.Add(json);
    }

    /// <summary>Writes index.json; call last.</summary>
    public void Complete()
    {
        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = OciMediaTypes.Index, ["manifests"] = tagged.DeepClone() };
        File.WriteAllText(Path.Combine(root, "index.json"), index.ToJsonString());
    }

    private string BlobPath(string digest) => Path.Combine(root, "blobs", "sha256", digest["sha256:".Length..]);

    private static JsonObject ToJson(OciDescriptor descriptor) => new()
    {
        ["mediaType"] = descriptor.MediaType,
        ["digest"] = descriptor.Digest,
        ["size"] = descriptor.Size,
    };

    private static void WriteEntry(TarWriter tar, LayerEntry entry)
    {
        switch (entry)
        {
            case LayerEntry.Directory directory:
                tar.WriteEntry(Header(TarEntryType.Directory, directory.Path + "/", directory.Mode));
                break;
            case LayerEntry.HostFile file:
                var mode = file.Mode ?? File.GetUnixFileMode(file.Source);
                using (var source = File.OpenRead(file.Source))
                {
                    var header = Header(TarEntryType.RegularFile, file.Path, mode);
                    header.DataStream = source;
                    tar.WriteEntry(header);
                }

                break;
            case LayerEntry.TextFile text:
                using (var contents = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.Contents)))
                {
                    var header = Header(TarEntryType.RegularFile, text.Path, text.Mode);
                    header.DataStream = contents;
                    tar.WriteEntry(header);
                }

                break;
            case LayerEntry.Symlink symlink:
                var link = Header(TarEntryType.SymbolicLink, symlink.Path, (UnixFileMode)0b111_111_111);
                link.LinkName = symlink.Target;
                tar.WriteEntry(link);
                break;
            case LayerEntry.Hardlink hardlink:
                var hard = Header(TarEntryType.HardLink, hardlink.Path, hardlink.Mode);
                hard.LinkName = hardlink.Target;
                tar.WriteEntry(hard);
                break;
            case LayerEntry.Whiteout whiteout:
                var name = Path.GetFileName(whiteout.Path);
                var parent = Path.GetDirectoryName(whiteout.Path);
                var marker = string.IsNullOrEmpty(parent) ? ".wh." + name : parent + "/.wh." + name;
                tar.WriteEntry(Header(TarEntryType.RegularFile, marker, LayerEntry.DefaultFileMode));
                break;
            case LayerEntry.OpaqueDirectory opaque:
                tar.WriteEntry(Header(TarEntryType.RegularFile, opaque.Path + "/.wh..wh..opq", LayerEntry.DefaultFileMode));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry, "unknown layer entry");
        }
    }

    private static PaxTarEntry Header(TarEntryType type, string path, UnixFileMode mode) => new(type, path)
    {
        Mode = mode,
        ModificationTime = Epoch,
        Uid = 0,
        Gid = 0,
    };
}
