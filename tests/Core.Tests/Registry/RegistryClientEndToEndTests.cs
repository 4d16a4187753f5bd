using ContainerHealth.Images;
using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>The registry client against a real docker-registry: push, pull, mount, auth, failures.</summary>
[Trait("Tier", "Engine")]
public class RegistryClientEndToEndTests
{
    private static readonly RegistryClientOptions Anonymous = new() { Credentials = FixedCredentialSource.None };

    [Fact]
    public async Task Pushes_an_image_and_reads_it_back_by_tag_and_digest()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var image = ImageReference.Parse($"{registry.Address}/sample/app:1.0");
        var layer = Encoding.UTF8.GetBytes(new string('x', 200_000));
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","config":{"User":"1654"},"rootfs":{"type":"layers","diff_ids":[]}}""");

        var (layerDigest, layerResult) = await client.UploadBlobAsync(image, layer);
        var (configDigest, _) = await client.UploadBlobAsync(image, config);
        var (_, again) = await client.UploadBlobAsync(image, layer);
        var manifest = ManifestBytes(configDigest, config.Length, layerDigest, layer.Length);
        var pushedDigest = await client.PutManifestAsync(image, "1.0", ImageMediaTypes.OciManifest, manifest);
        await client.PutManifestAsync(image, pushedDigest, ImageMediaTypes.OciManifest, manifest);

        var byTag = await client.GetManifestAsync(image);
        var byDigest = await client.GetManifestAsync(image.WithDigest(pushedDigest));
        await using var blob = await client.GetBlobAsync(image, layerDigest);
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);

        Assert.Equal(BlobUploadResult.Uploaded, layerResult);
        Assert.Equal(BlobUploadResult.AlreadyPresent, again);
        Assert.Equal(pushedDigest, byTag.Digest);
        Assert.Equal(manifest, byTag.Content);
        Assert.Equal(ImageMediaTypes.OciManifest, byDigest.MediaType);
        Assert.Equal(layerDigest, byTag.ReadManifest().Layers.Single().Digest);
        Assert.Equal(layer, copy.ToArray());
        Assert.Equal(config, await client.GetBlobBytesAsync(image, configDigest));
        Assert.True(await client.BlobExistsAsync(image, layerDigest));
        Assert.False(await client.BlobExistsAsync(image, ContentDigest.Compute("absent"u8)));
    }

    [Fact]
    public async Task Mounts_a_blob_from_another_repository_instead_of_uploading_it()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var source = ImageReference.Parse($"{registry.Address}/base/image");
        var target = ImageReference.Parse($"{registry.Address}/app/image");
        var (digest, _) = await client.UploadBlobAsync(source, "shared layer"u8.ToArray());

        using var bytes = new MemoryStream("shared layer"u8.ToArray());
        var result = await client.UploadBlobAsync(target, digest, bytes, mountFrom: source);

        Assert.Equal(BlobUploadResult.Mounted, result);
        Assert.True(await client.BlobExistsAsync(target, digest));
    }

    [Fact]
    public async Task Reads_an_index_and_finds_the_platform_manifest()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var image = ImageReference.Parse($"{registry.Address}/multi:1");
        var (configDigest, _) = await client.UploadBlobAsync(image, "{}"u8.ToArray());
        var manifest = ManifestBytes(configDigest, 2, null, 0);
        var manifestDigest = await client.PutManifestAsync(image, ContentDigest.Compute(manifest), ImageMediaTypes.OciManifest, manifest);
        var index = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ImageMediaTypes.OciIndex,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = ImageMediaTypes.OciManifest,
                ["digest"] = manifestDigest,
                ["size"] = manifest.Length,
                ["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "arm64", ["variant"] = "v8" },
            }),
        }.ToJsonString());
        await client.PutManifestAsync(image, "1", ImageMediaTypes.OciIndex, index);

        var document = await client.GetManifestAsync(image);

        Assert.True(document.IsIndex);
        Assert.Equal(manifestDigest, document.ReadIndex().Find(Platform.FromRuntimeIdentifier("linux-arm64")!)?.Digest);
        Assert.Null(document.ReadIndex().Find(Platform.FromRuntimeIdentifier("linux-x64")!));
    }

    [Fact]
    public async Task Authenticates_with_basic_auth_and_never_logs_the_password()
    {
        const string password = "s3cret-Pa55word";
        await using var registry = await TestRegistry.StartAsync(new RegistryCredentials("builder", password));
        var log = new List<string>();
        var credentials = new FixedCredentialSource(new Dictionary<string, RegistryCredential>
        {
            [registry.Address] = new("builder", password),
        });
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials, Log = log.Add });
        var image = ImageReference.Parse($"{registry.Address}/private/app");

        var (digest, result) = await client.UploadBlobAsync(image, "private layer"u8.ToArray());

        Assert.Equal(BlobUploadResult.Uploaded, result);
        Assert.True(await client.BlobExistsAsync(image, digest));
        Assert.Contains(log, line => line.Contains("authenticated to " + registry.Address));
        Assert.DoesNotContain(log, line => line.Contains(password) || line.Contains(new RegistryCredential("builder", password).BasicHeaderValue));
    }

    [Fact]
    public async Task A_wrong_password_or_none_is_an_unauthorized_failure_that_names_no_secret()
    {
        await using var registry = await TestRegistry.StartAsync(new RegistryCredentials("builder", "right-password"));
        var wrong = new FixedCredentialSource(new Dictionary<string, RegistryCredential> { [registry.Address] = new("builder", "wrong-password") });
        using var withWrong = new RegistryClient(new RegistryClientOptions { Credentials = wrong });
        using var withNone = new RegistryClient(Anonymous);
        var image = ImageReference.Parse($"{registry.Address}/private/app:1");

        var refused = await Assert.ThrowsAsync<RegistryException>(() => withWrong.GetManifestAsync(image));
        var anonymous = await Assert.ThrowsAsync<RegistryException>(() => withNone.GetManifestAsync(image));

        Assert.Equal(RegistryFailure.Unauthorized, refused.Failure);
        Assert.DoesNotContain("wrong-password", refused.Message);
        Assert.Contains("docker login", refused.Message);
        Assert.Equal(RegistryFailure.Unauthorized, anonymous.Failure);
    }

    [Fact]
    public async Task A_missing_tag_is_not_found()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"{registry.Address}/nothing:here")));

        Assert.Equal(RegistryFailure.NotFound, error.Failure);
    }

    [Fact]
    public async Task No_registry_at_all_is_unreachable_after_the_retries()
    {
        var log = new List<string>();
        var port = FreePort();
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Credentials = FixedCredentialSource.None,
            MaxAttempts = 3,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            Log = log.Add,
        });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"localhost:{port}/app:1")));

        Assert.Equal(RegistryFailure.Unreachable, error.Failure);
        Assert.Equal(2, log.Count(line => line.Contains("retrying")));
    }

    [Fact]
    public async Task A_blob_whose_bytes_do_not_match_its_digest_fails_when_read()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var client = new RegistryClient(Anonymous);
        var image = ImageReference.Parse($"{registry.Address}/corrupt/app");
        var (digest, _) = await client.UploadBlobAsync(image, "original bytes"u8.ToArray());
        var stored = Directory.GetFiles(registry.Directory, "data", SearchOption.AllDirectories)
            .Single(path => path.Contains(ContentDigest.Hex(digest)));
        await File.WriteAllTextAsync(stored, "tampered bytes");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetBlobBytesAsync(image, digest));

        Assert.Equal(RegistryFailure.Protocol, error.Failure);
        Assert.Contains("corrupt", error.Message);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static byte[] ManifestBytes(string configDigest, long configSize, string? layerDigest, long layerSize)
    {
        var layers = new JsonArray();
        if (layerDigest is not null)
        {
            layers.Add(new JsonObject { ["mediaType"] = ImageMediaTypes.OciLayerTar, ["digest"] = layerDigest, ["size"] = layerSize });
        }

        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ImageMediaTypes.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = ImageMediaTypes.OciConfig, ["digest"] = configDigest, ["size"] = configSize },
            ["layers"] = layers,
        }.ToJsonString());
    }
}
