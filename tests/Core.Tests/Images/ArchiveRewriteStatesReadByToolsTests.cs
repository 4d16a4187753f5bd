using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Images.Archives;
using ContainerHealth.Registry;
using ContainerHealth.TestBed;

namespace ContainerHealth.Core.Tests.Images;

/// <summary>
/// The in-place archive rewrite stopped after each of its steps, read by the programs users hand archives to: GNU tar
/// lists it, and skopeo (the containers/image reader Podman uses) finds a config with or without the HEALTHCHECK, never
/// a broken archive or a mix. Needs tar and skopeo, no engine.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class ArchiveRewriteStatesReadByToolsTests : IDisposable
{
    private static readonly byte[] Layer = Encoding.UTF8.GetBytes(new string('l', 3000));
    private readonly TemporaryDirectory directory = new("ch-archive-states-");

    [Theory]
    [InlineData("oci-archive")]
    [InlineData("docker-archive")]
    public async Task Every_state_reads_as_the_old_image_or_the_new_one(string transport)
    {
        var original = transport == "oci-archive" ? WriteOci() : WriteDocker();
        var rewrite = ArchiveTailRewrite.Prepare(original, ImageArchiveRewriter.Plan(original, (_, _) => HealthCheckImageTests.Decision));
        Assert.NotNull(rewrite);

        var states = new List<string>();
        for (var applied = 0; applied <= rewrite.Steps.Count; applied++)
        {
            var path = directory.File($"state-{applied}.tar");
            File.Copy(original, path);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
            {
                foreach (var step in rewrite.Steps.Take(applied))
                {
                    step(file);
                }
            }

            (await ProcessRunner.RunAsync("tar", ["-tf", path])).EnsureSuccess();
            var config = (await ProcessRunner.RunAsync("skopeo", ["inspect", "--config", "--raw", $"{transport}:{path}"])).EnsureSuccess();
            states.Add(JsonNode.Parse(config.StandardOutput)!["config"]?["Healthcheck"] is null ? "old" : "new");
        }

        Assert.Equal("old", states[0]);
        Assert.Equal("new", states[^1]);
        Assert.All(states, state => Assert.Contains(state, new[] { "old", "new" }));
    }

    public void Dispose() => directory.Dispose();

    /// <summary>An OCI layout in the SDK's order: oci-layout, layer, config, manifest, index.json.</summary>
    private string WriteOci()
    {
        var config = Encoding.UTF8.GetBytes(ConfigWithOurLayer());
        var manifest = Encoding.UTF8.GetBytes(HealthCheckImageTests.SdkManifest(Encoding.UTF8.GetString(config)).Replace(
            "\"size\":1083959,\"digest\":\"sha256:fe3f612e363aafb9676620c49926815b1ce0a79c77e70d6bbca4bf173cf62765\"",
            $"\"size\":{Layer.Length},\"digest\":\"{ContentDigest.Compute(Layer)}\""));
        var index = $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":{{manifest.Length}},"digest":"{{ContentDigest.Compute(manifest)}}","annotations":{"org.opencontainers.image.ref.name":"app:latest"} }]}""";
        return Write(("oci-layout", """{"imageLayoutVersion": "1.0.0"}"""u8.ToArray()), (Blob(Layer), Layer), (Blob(config), config), (Blob(manifest), manifest), ("index.json", Encoding.UTF8.GetBytes(index)));
    }

    /// <summary>A docker-archive in the SDK's order: layer, config, manifest.json.</summary>
    private string WriteDocker()
    {
        var config = Encoding.UTF8.GetBytes(ConfigWithOurLayer());
        var configName = ContentDigest.Hex(ContentDigest.Compute(config)) + ".json";
        var layerName = ContentDigest.Hex(ContentDigest.Compute(Layer)) + "/layer.tar";
        var manifest = $$"""[{"Config":"{{configName}}","RepoTags":["app:latest"],"Layers":["{{layerName}}"]}]""";
        return Write((layerName, Layer), (configName, config), ("manifest.json", Encoding.UTF8.GetBytes(manifest)));
    }

    private static string ConfigWithOurLayer() =>
        HealthCheckImageTests.SdkConfig.Replace("sha256:18918c9cda1ca8c566da1f051137ba79b21c05dcce4e0c612495c14aef584427", ContentDigest.Compute(Layer));

    private static string Blob(byte[] content) => "blobs/sha256/" + ContentDigest.Hex(ContentDigest.Compute(content));

    private string Write(params (string Name, byte[] Content)[] entries)
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
}
