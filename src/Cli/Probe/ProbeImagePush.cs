using ContainerHealth.Images;
using ContainerHealth.Probe;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Probe;

/// <summary>
/// Pushes the probe-only image with the registry client the build uses (credentials from the docker config and the
/// SDK's variables, plain HTTP for loopback and DOTNET_CONTAINER_INSECURE_REGISTRIES): layers and configs, each
/// platform's manifest by digest, then the index under the tag, so the tag never names something incomplete.
/// </summary>
public static class ProbeImagePush
{
    public static async Task<int> RunAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ImageReference.TryParse(reference, out var target, out var error) || target.Digest is not null)
        {
            throw new UsageException($"--push '{reference}' is not REGISTRY/REPO:TAG{(error.Length > 0 ? $" ({error})" : "")}; write e.g. --push registry.example.com/tools/healthprobe:1.0");
        }

        var image = ProbeOnlyImage.Create(ShippedProbe.Architectures.ToDictionary(a => a, ShippedProbe.PathFor));
        using var client = new RegistryClient();
        try
        {
            foreach (var platform in image.Platforms)
            {
                await client.UploadBlobAsync(target, platform.Layer, cancellationToken);
                await client.UploadBlobAsync(target, platform.Config, cancellationToken);
                await client.PutManifestAsync(target, platform.ManifestDigest, ImageMediaTypes.OciManifest, platform.Manifest, cancellationToken);
            }

            var digest = await new RegistryImageWriter(client).PushIndexAsync(target, image.IndexJson, [target.Tag ?? "latest"], cancellationToken);
            Console.Out.WriteLine($"{target.Registry}/{target.Repository}:{target.Tag ?? "latest"}@{digest}");
            Console.Error.WriteLine($"container-health: pushed the probe for {string.Join(" and ", image.Platforms.Select(p => "linux/" + p.Architecture))}; in a Dockerfile: COPY --from={target.Registry}/{target.Repository}:{target.Tag ?? "latest"} /healthprobe /healthprobe");
            return ExitCodes.Success;
        }
        catch (RegistryException e)
        {
            Console.Error.WriteLine($"container-health: the probe image could not be pushed to {target}: {e.Message}");
            return ExitCodes.Findings;
        }
    }
}
