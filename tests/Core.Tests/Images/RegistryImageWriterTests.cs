using System.Text;
using ContainerHealth.Images;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Core.Tests.Images;

/// <summary>The HEALTHCHECK push against a real docker-registry, starting from an image pushed the way the SDK pushes it.</summary>
[Trait("Tier", "Engine")]
public sealed class RegistryImageWriterTests
{
    private static readonly RegistryClientOptions Anonymous = new() { Credentials = FixedCredentialSource.None };

    [Fact]
    public async Task Every_tag_moves_to_the_image_with_the_healthcheck()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var repository = ImageReference.Parse($"{registry.Address}/app");
        var (config, manifest) = await PushSdkImageAsync(client, repository, ["1.0", "latest"]);
        var image = HealthCheckImage.Create(config, manifest, HealthCheckImageTests.Decision);

        await new RegistryImageWriter(client).PushImageAsync(repository, image, ["1.0", "latest"]);

        foreach (var tag in new[] { "1.0", "latest" })
        {
            var pulled = await client.GetManifestAsync(repository.WithTag(tag));
            Assert.Equal(image.ManifestDigest, pulled.Digest);
            var pulledConfig = await client.GetBlobBytesAsync(repository, ManifestConfig.ConfigDigest(Encoding.UTF8.GetString(pulled.Content)));
            Assert.Equal(HealthCheckImageTests.Probe, ConfigHealthcheck.Read(Encoding.UTF8.GetString(pulledConfig)));
        }
    }

    [Fact]
    public async Task A_missing_layer_stops_the_push_before_any_tag_moves()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var repository = ImageReference.Parse($"{registry.Address}/app");
        var (config, manifest) = await PushSdkImageAsync(client, repository, ["latest"]);
        var sdkDigest = (await client.GetManifestAsync(repository.WithTag("latest"))).Digest;
        var missingLayer = manifest.Replace(ManifestConfig.LayerDigests(manifest)[0], "sha256:" + new string('e', 64));
        var image = HealthCheckImage.Create(config, missingLayer, HealthCheckImageTests.Decision);

        await Assert.ThrowsAsync<RegistryException>(() => new RegistryImageWriter(client).PushImageAsync(repository, image, ["latest"]));

        Assert.Equal(sdkDigest, (await client.GetManifestAsync(repository.WithTag("latest"))).Digest);
    }

    [Fact]
    public async Task Index_is_pushed_only_when_every_manifest_it_lists_is_there()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var repository = ImageReference.Parse($"{registry.Address}/app");
        var (config, manifest) = await PushSdkImageAsync(client, repository, ["latest-linux-x64"]);
        var image = HealthCheckImage.Create(config, manifest, HealthCheckImageTests.Decision);
        await new RegistryImageWriter(client).PushImageAsync(repository, image, ["latest-linux-x64"]);
        var index = $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":{{image.ManifestBytes.Length}},"digest":"{{image.ManifestDigest}}","platform":{"architecture":"amd64","os":"linux"} }]}""";
        var dangling = index.Replace(image.ManifestDigest, "sha256:" + new string('f', 64));

        await Assert.ThrowsAsync<RegistryException>(() => new RegistryImageWriter(client).PushIndexAsync(repository, dangling, ["latest"]));
        var digest = await new RegistryImageWriter(client).PushIndexAsync(repository, index, ["latest"]);

        var pulled = await client.GetManifestAsync(repository.WithTag("latest"));
        Assert.Equal(digest, pulled.Digest);
        Assert.True(pulled.IsIndex);
    }

    private static async Task<(string Config, string Manifest)> PushSdkImageAsync(RegistryClient client, ImageReference repository, string[] tags)
    {
        var layer = Encoding.UTF8.GetBytes(new string('x', 10_000));
        var (layerDigest, _) = await client.UploadBlobAsync(repository, layer);
        var config = HealthCheckImageTests.SdkConfig;
        var (configDigest, _) = await client.UploadBlobAsync(repository, Encoding.UTF8.GetBytes(config));
        var manifest = $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":{{Encoding.UTF8.GetByteCount(config)}},"digest":"{{configDigest}}"},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":{{layer.Length}},"digest":"{{layerDigest}}"}]}""";
        foreach (var tag in tags)
        {
            await client.PutManifestAsync(repository, tag, ImageMediaTypes.OciManifest, Encoding.UTF8.GetBytes(manifest));
        }

        return (config, manifest);
    }
}
