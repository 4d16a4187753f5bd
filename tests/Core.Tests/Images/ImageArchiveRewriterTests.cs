using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Images;
using ContainerHealth.Images.Archives;
using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Images;

/// <summary>Archives in the shapes the SDK writes: an OCI layout (one image, or an index of two) and a docker-archive.</summary>
[Trait("Tier", "Unit")]
public sealed class ImageArchiveRewriterTests : IDisposable
{
    private static readonly byte[] Layer = Encoding.UTF8.GetBytes(new string('l', 5000));
    private readonly TemporaryDirectory directory = new("ch-archive-");

    [Fact]
    public void Single_image_oci_layout_gets_the_healthcheck_and_stays_consistent()
    {
        var path = WriteOciArchive(nested: false);

        var rewrite = ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);

        var archive = ReadArchive(path);
        var top = Assert.Single(IndexManifests.Entries(Encoding.UTF8.GetString(archive["index.json"])));
        var image = Assert.Single(rewrite.Images);
        Assert.Equal(image.ManifestDigest, top.Digest);
        AssertConsistentImage(archive, top.Digest);
        Assert.Contains("latest", Encoding.UTF8.GetString(archive["index.json"]));
        Assert.Equal("""{"imageLayoutVersion": "1.0.0"}""", Encoding.UTF8.GetString(archive["oci-layout"]));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void Multi_platform_index_gets_every_image_replaced_and_old_blobs_dropped()
    {
        var path = WriteOciArchive(nested: true);
        var before = ReadArchive(path).Keys.ToHashSet();

        var rewrite = ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);

        var archive = ReadArchive(path);
        Assert.Equal(2, rewrite.Images.Count);
        var nested = Assert.Single(IndexManifests.Entries(Encoding.UTF8.GetString(archive["index.json"])));
        var platforms = IndexManifests.Entries(Encoding.UTF8.GetString(archive[Blob(nested.Digest)]));
        Assert.Equal(rewrite.Images.Select(i => i.ManifestDigest).Order(), platforms.Select(p => p.Digest).Order());
        foreach (var platform in platforms)
        {
            AssertConsistentImage(archive, platform.Digest);
        }

        Assert.Equal(before.Count, archive.Count);
        Assert.Contains(Blob(ContentDigest.Compute(Layer)), archive.Keys);
    }

    [Fact]
    public void Selector_leaves_images_it_returns_nothing_for_untouched()
    {
        var path = WriteOciArchive(nested: true);
        var armConfig = ContentDigest.Compute(Encoding.UTF8.GetBytes(Config("arm64")));

        var rewrite = ImageArchiveRewriter.Rewrite(path, (_, config) => config == armConfig ? null : HealthCheckImageTests.Decision);

        var image = Assert.Single(rewrite.Images);
        Assert.Contains("\"amd64\"", image.Config);
        Assert.Contains(Blob(armConfig), ReadArchive(path).Keys);
    }

    [Fact]
    public void Docker_archive_gets_a_new_config_file_named_by_its_digest()
    {
        var config = Encoding.UTF8.GetBytes(Config("amd64"));
        var configName = ContentDigest.Hex(ContentDigest.Compute(config)) + ".json";
        var layerName = ContentDigest.Hex(ContentDigest.Compute(Layer)) + "/layer.tar";
        var path = WriteArchive(("manifest.json", Encoding.UTF8.GetBytes($$"""[{"Config":"{{configName}}","RepoTags":["app:latest"],"Layers":["{{layerName}}"]}]""")), (configName, config), (layerName, Layer));

        ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);

        var archive = ReadArchive(path);
        var entry = JsonNode.Parse(archive["manifest.json"])!.AsArray().Single()!;
        var newConfigName = entry["Config"]!.GetValue<string>();
        Assert.NotEqual(configName, newConfigName);
        Assert.Equal(ContentDigest.Hex(ContentDigest.Compute(archive[newConfigName])) + ".json", newConfigName);
        Assert.Equal(HealthCheckImageTests.Probe, ConfigHealthcheck.Read(Encoding.UTF8.GetString(archive[newConfigName])));
        Assert.Equal("app:latest", entry["RepoTags"]![0]!.GetValue<string>());
        Assert.DoesNotContain(configName, archive.Keys);
        Assert.Equal(Layer, archive[layerName]);
    }

    [Fact]
    public void An_archive_in_the_sdk_order_is_changed_in_place_and_its_layers_are_not_rewritten()
    {
        var path = WriteOciArchive(nested: false);
        var before = File.ReadAllBytes(path);
        var layerEnd = LayerEnd(path);
        using var openedBefore = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);

        var after = File.ReadAllBytes(path);
        var seenThroughOldHandle = new byte[after.Length];
        openedBefore.ReadExactly(seenThroughOldHandle);
        Assert.Equal(after, seenThroughOldHandle);
        Assert.Equal(before.AsSpan(0, (int)layerEnd).ToArray(), after.AsSpan(0, (int)layerEnd).ToArray());
        Assert.Equal(ArchiveNames(path).Distinct().Count(), ArchiveNames(path).Count);
        Assert.DoesNotContain(ArchiveNames(path), n => n.Contains("containerhealth"));
    }

    [Fact]
    public void An_archive_without_its_end_of_archive_blocks_is_written_anew_not_appended_to()
    {
        var path = WriteOciArchive(nested: false);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 1024);
        }

        using var openedBefore = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var before = File.ReadAllBytes(path);

        var rewrite = ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);

        var seenThroughOldHandle = new byte[before.Length];
        openedBefore.ReadExactly(seenThroughOldHandle);
        Assert.Equal(before, seenThroughOldHandle);
        AssertConsistentImage(ReadArchive(path), Assert.Single(rewrite.Images).ManifestDigest);
    }

    [Theory]
    [InlineData("oci")]
    [InlineData("docker")]
    public void Stopped_after_any_step_of_the_in_place_rewrite_the_archive_reads_as_the_old_image_or_the_new_one(string format)
    {
        var original = format == "oci" ? WriteOciArchive(nested: false) : WriteSdkDockerArchive();
        var plan = ImageArchiveRewriter.Plan(original, (_, _) => HealthCheckImageTests.Decision);
        var rewrite = ArchiveTailRewrite.Prepare(original, plan);
        Assert.NotNull(rewrite);

        var states = new List<string>();
        for (var applied = 0; applied <= rewrite.Steps.Count; applied++)
        {
            var path = directory.File($"stopped-after-{applied}.tar");
            File.Copy(original, path);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
            {
                foreach (var step in rewrite.Steps.Take(applied))
                {
                    step(file);
                }
            }

            states.Add(ImageState(path, format));
        }

        Assert.Equal("old", states[0]);
        Assert.Equal("new", states[^1]);
        Assert.All(states, state => Assert.Contains(state, new[] { "old", "new" }));
        Assert.Equal(File.ReadAllBytes(RewrittenCopy(original)), File.ReadAllBytes(directory.File($"stopped-after-{rewrite.Steps.Count}.tar")));
    }

    [Fact]
    public void A_broken_archive_is_left_exactly_as_it_was()
    {
        var path = WriteArchive(("index.json", Encoding.UTF8.GetBytes("""{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,"digest":"sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"}]}""")));
        var before = File.ReadAllBytes(path);

        Assert.Throws<InvalidDataException>(() => ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Something_that_is_no_image_archive_is_refused()
    {
        var path = WriteArchive(("hello.txt", "hi"u8.ToArray()));

        var error = Assert.Throws<InvalidDataException>(() => ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision));
        Assert.Contains("neither an OCI image layout nor a docker-archive", error.Message);
    }

    public void Dispose() => directory.Dispose();

    /// <summary>
    /// Which image the archive holds, read as an engine would (names must be unique, every reference must resolve):
    /// "old" without a HEALTHCHECK, "new" with it; anything else fails the test.
    /// </summary>
    private static string ImageState(string path, string format)
    {
        var names = ArchiveNames(path).Where(n => !n.StartsWith("containerhealth-", StringComparison.Ordinal)).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        var archive = ReadArchive(path);
        string config;
        if (format == "oci")
        {
            var top = Assert.Single(IndexManifests.Entries(Encoding.UTF8.GetString(archive["index.json"])));
            var manifest = Encoding.UTF8.GetString(archive[Blob(top.Digest)]);
            Assert.Equal(top.Digest, ContentDigest.Compute(archive[Blob(top.Digest)]));
            config = Encoding.UTF8.GetString(archive[Blob(ManifestConfig.ConfigDigest(manifest))]);
        }
        else
        {
            var entry = JsonNode.Parse(archive["manifest.json"])!.AsArray().Single()!;
            config = Encoding.UTF8.GetString(archive[entry["Config"]!.GetValue<string>()]);
            Assert.Equal(Layer, archive[entry["Layers"]![0]!.GetValue<string>()]);
        }

        return ConfigHealthcheck.Read(config) is null ? "old" : "new";
    }

    private string RewrittenCopy(string original)
    {
        var path = directory.File("rewritten-copy.tar");
        File.Copy(original, path);
        ImageArchiveRewriter.Rewrite(path, HealthCheckImageTests.Decision);
        return path;
    }

    /// <summary>A docker-archive in the order the SDK writes one: layers, config, manifest.json.</summary>
    private string WriteSdkDockerArchive()
    {
        var config = Encoding.UTF8.GetBytes(Config("amd64"));
        var configName = ContentDigest.Hex(ContentDigest.Compute(config)) + ".json";
        var layerName = ContentDigest.Hex(ContentDigest.Compute(Layer)) + "/layer.tar";
        return WriteArchive((layerName, Layer), (configName, config), ("manifest.json", Encoding.UTF8.GetBytes($$"""[{"Config":"{{configName}}","RepoTags":["app:latest"],"Layers":["{{layerName}}"]}]""")));
    }

    private static long LayerEnd(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new TarReader(file);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Length == Layer.Length)
            {
                return entry.DataOffset + Layer.Length;
            }
        }

        throw new InvalidOperationException("no layer");
    }

    private static List<string> ArchiveNames(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new TarReader(file);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static string Config(string architecture) => HealthCheckImageTests.SdkConfig.Replace("\"amd64\"", $"\"{architecture}\"");

    private static string Blob(string digest) => "blobs/sha256/" + ContentDigest.Hex(digest);

    private static void AssertConsistentImage(Dictionary<string, byte[]> archive, string manifestDigest)
    {
        var manifestBytes = archive[Blob(manifestDigest)];
        Assert.Equal(manifestDigest, ContentDigest.Compute(manifestBytes));
        var manifest = JsonNode.Parse(manifestBytes)!;
        var configDigest = manifest["config"]!["digest"]!.GetValue<string>();
        var config = archive[Blob(configDigest)];
        Assert.Equal(configDigest, ContentDigest.Compute(config));
        Assert.Equal(config.Length, manifest["config"]!["size"]!.GetValue<long>());
        Assert.Equal(HealthCheckImageTests.Probe, ConfigHealthcheck.Read(Encoding.UTF8.GetString(config)));
        foreach (var layer in ManifestConfig.LayerDigests(Encoding.UTF8.GetString(manifestBytes)))
        {
            Assert.Equal(layer, ContentDigest.Compute(archive[Blob(layer)]));
        }
    }

    private string WriteOciArchive(bool nested)
    {
        var entries = new List<(string, byte[])> { ("oci-layout", """{"imageLayoutVersion": "1.0.0"}"""u8.ToArray()), (Blob(ContentDigest.Compute(Layer)), Layer) };
        var manifests = new List<string>();
        foreach (var architecture in nested ? new[] { "amd64", "arm64" } : ["amd64"])
        {
            var config = Config(architecture);
            var manifest = HealthCheckImageTests.SdkManifest(config).Replace(
                "\"size\":1083959,\"digest\":\"sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765\"",
                $"\"size\":{Layer.Length},\"digest\":\"{ContentDigest.Compute(Layer)}\"");
            var manifestBytes = Encoding.UTF8.GetBytes(manifest);
            entries.Add((Blob(ContentDigest.Compute(Encoding.UTF8.GetBytes(config))), Encoding.UTF8.GetBytes(config)));
            entries.Add((Blob(ContentDigest.Compute(manifestBytes)), manifestBytes));
            manifests.Add($$"""{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":{{manifestBytes.Length}},"digest":"{{ContentDigest.Compute(manifestBytes)}}","platform":{"architecture":"{{architecture}}","os":"linux"} }""");
        }

        var top = string.Join(",", manifests);
        if (nested)
        {
            var index = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{top}}]}""");
            entries.Add((Blob(ContentDigest.Compute(index)), index));
            top = $$"""{"mediaType":"application/vnd.oci.image.index.v1+json","size":{{index.Length}},"digest":"{{ContentDigest.Compute(index)}}","annotations":{"org.opencontainers.image.ref.name":"latest"} }""";
        }
        else
        {
            top = top.Replace("\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}", "\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}");
        }

        entries.Add(("index.json", Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{top}}]}""")));
        return WriteArchive([.. entries]);
    }

    private string WriteArchive(params (string Name, byte[] Content)[] entries)
    {
        var path = directory.File("image.tar");
        using var file = File.Create(path);
        using var writer = new TarWriter(file, TarEntryFormat.Pax);
        foreach (var (name, content) in entries)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }

        return path;
    }

    private static Dictionary<string, byte[]> ReadArchive(string path)
    {
        var entries = new Dictionary<string, byte[]>();
        using var file = File.OpenRead(path);
        using var reader = new TarReader(file);
        while (reader.GetNextEntry() is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            entries[entry.Name] = buffer.ToArray();
        }

        return entries;
    }
}
