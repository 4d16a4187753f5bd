using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Images;
using ContainerHealth.Registry;

namespace ContainerHealth.Probe;

/// <summary>
/// The probe-only image: <c>FROM scratch</c> with <c>/healthprobe</c> (root-owned, 0755), one OCI manifest per
/// architecture and an OCI index over them, so that a Dockerfile of any language can
/// <c>COPY --from=REGISTRY/REPO:TAG /healthprobe /healthprobe</c>. Byte-for-byte the same for the same probes.
/// </summary>
public sealed class ProbeOnlyImage
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ProbeOnlyImage(IReadOnlyList<Platform> platforms, string indexJson)
    {
        Platforms = platforms;
        IndexJson = indexJson;
    }

    public IReadOnlyList<Platform> Platforms { get; }

    public string IndexJson { get; }

    public sealed record Platform(string Architecture, string? Variant, byte[] Layer, byte[] Config, byte[] Manifest)
    {
        public string LayerDigest => ContentDigest.Compute(Layer);

        public string ConfigDigest => ContentDigest.Compute(Config);

        public string ManifestDigest => ContentDigest.Compute(Manifest);
    }

    /// <param name="probes">The probe file for each architecture (amd64, arm64).</param>
    public static ProbeOnlyImage Create(IReadOnlyDictionary<string, string> probes)
    {
        var platforms = probes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Build(p.Key, File.ReadAllBytes(p.Value))).ToList();
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ImageMediaTypes.OciIndex,
            ["manifests"] = new JsonArray(platforms.Select(p => (JsonNode)new JsonObject
            {
                ["mediaType"] = ImageMediaTypes.OciManifest,
                ["digest"] = p.ManifestDigest,
                ["size"] = p.Manifest.Length,
                ["platform"] = PlatformJson(p.Architecture, p.Variant),
            }).ToArray()),
        };
        return new ProbeOnlyImage(platforms, index.ToJsonString());
    }

    private static Platform Build(string architecture, byte[] probe)
    {
        var tar = Tar(probe);
        var layer = Gzip(tar);
        var variant = architecture == "arm64" ? "v8" : null;
        var config = new JsonObject
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["created"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["config"] = new JsonObject { ["Entrypoint"] = new JsonArray("/" + HealthCheckDefaults.ProbeFileName) },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(ContentDigest.Compute(tar)) },
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "container-health probe image" }),
        };
        if (variant is not null)
        {
            config["variant"] = variant;
        }

        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ImageMediaTypes.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = ImageMediaTypes.OciConfig, ["digest"] = ContentDigest.Compute(configBytes), ["size"] = configBytes.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = ImageMediaTypes.OciLayerGzip, ["digest"] = ContentDigest.Compute(layer), ["size"] = layer.Length }),
        };
        return new Platform(architecture, variant, layer, configBytes, Encoding.UTF8.GetBytes(manifest.ToJsonString()));
    }

    private static JsonObject PlatformJson(string architecture, string? variant)
    {
        var platform = new JsonObject { ["architecture"] = architecture, ["os"] = "linux" };
        if (variant is not null)
        {
            platform["variant"] = variant;
        }

        return platform;
    }

    private static byte[] Tar(byte[] probe)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, HealthCheckDefaults.ProbeFileName)
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                ModificationTime = Epoch,
                Uid = 0,
                Gid = 0,
                DataStream = new MemoryStream(probe, writable: false),
            };
            writer.WriteEntry(entry);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
