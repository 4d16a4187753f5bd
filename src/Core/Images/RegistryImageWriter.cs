using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// Publishes images with the HEALTHCHECK to the registry the SDK pushed to. Only the config and the manifest are new;
/// every blob a manifest refers to is confirmed present before any tag is moved, so no tag ever points at a missing blob.
/// </summary>
public sealed class RegistryImageWriter(RegistryClient client)
{
    /// <summary>Pushes the new config, then the manifest by digest, then under every tag.</summary>
    public async Task PushImageAsync(ImageReference repository, HealthCheckImage image, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var (configDigest, _) = await client.UploadBlobAsync(repository, image.ConfigBytes, cancellationToken);
        if (configDigest != image.ConfigDigest)
        {
            throw new InvalidOperationException($"the config hashed to {configDigest}, expected {image.ConfigDigest}");
        }

        foreach (var layer in ManifestConfig.LayerDigests(image.Manifest))
        {
            if (!await client.BlobExistsAsync(repository, layer, cancellationToken))
            {
                throw new RegistryException(RegistryFailure.Protocol, $"{repository.Registry}/{repository.Repository} has no layer {layer}, which the SDK should have pushed");
            }
        }

        await client.PutManifestAsync(repository, image.ManifestDigest, image.ManifestMediaType, image.ManifestBytes, cancellationToken);
        foreach (var tag in tags)
        {
            await client.PutManifestAsync(repository, tag, image.ManifestMediaType, image.ManifestBytes, cancellationToken);
        }
    }

    /// <summary>Pushes an image index under every tag, after confirming each manifest it lists is in the repository.</summary>
    public async Task<string> PushIndexAsync(ImageReference repository, string indexJson, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(indexJson);
        var mediaType = ManifestConfig.MediaType(indexJson) ?? ImageMediaTypes.OciIndex;
        foreach (var entry in IndexManifests.Entries(indexJson))
        {
            await client.GetManifestAsync(repository.WithDigest(entry.Digest), cancellationToken);
        }

        var digest = ContentDigest.Compute(bytes);
        await client.PutManifestAsync(repository, digest, mediaType, bytes, cancellationToken);
        foreach (var tag in tags)
        {
            await client.PutManifestAsync(repository, tag, mediaType, bytes, cancellationToken);
        }

        return digest;
    }
}
