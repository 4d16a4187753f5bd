using ContainerHealth.Cli.Progress;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Inspect;

/// <summary>
/// Inspects an image in a registry with the library's <see cref="BaseImageInspector"/> (cache, SDK layer reuse, judgement
/// by name when unreachable). Reads the manifest once, here: to list the platforms, pick one, size the download for
/// progress, and hand the chosen manifest to the inspector, which does not fetch it again.
/// </summary>
public static class RegistryImageInspection
{
    public static async Task<ImageInspectionResult> RunAsync(
        ImageReference image,
        Platform? platform,
        bool useCache,
        DownloadProgress? progress,
        CancellationToken cancellationToken,
        UnreachableRegistries? unreachable = null,
        RegistryClientOptions? registryOptions = null)
    {
        var platformName = (platform ?? PlatformName.Host()).ToString();
        if (unreachable?.Reason(image.Registry) is { } earlier)
        {
            return Judged(BaseImageInspector.JudgeByName(image, platformName, earlier));
        }

        var options = registryOptions ?? new RegistryClientOptions();
        var transport = RegistryClient.CreateHandler(options);
        using var registry = new RegistryClient(options, progress is null ? transport : new ProgressHandler(progress) { InnerHandler = transport });

        IReadOnlyList<string> platforms = [];
        var chosen = platform;
        ResolvedManifest? resolved = null;
        try
        {
            (platforms, chosen, resolved) = await ChoosePlatformAsync(registry, image, platform, progress, cancellationToken);
        }
        catch (RegistryException e) when (e.Failure == RegistryFailure.Unreachable && unreachable is not null)
        {
            // Asking again costs the same timeouts for every image on it; judge the rest of the run's images by name.
            unreachable.Remember(image.Registry, e.Message);
            return Judged(BaseImageInspector.JudgeByName(image, platformName, e.Message));
        }
        catch (RegistryException)
        {
            // The inspector meets the same failure and answers it: CH1005 and a judgement by name.
        }

        var inspector = new BaseImageInspector(registry, useCache ? new InspectionCache(InspectionCache.DefaultDirectory()) : null);
        var inspection = await inspector.InspectAsync(image, PlatformName.RuntimeIdentifier(chosen ?? PlatformName.Host()), resolved, cancellationToken);
        return new ImageInspectionResult(inspection.Facts, platforms, inspection.Warning);
    }

    private static ImageInspectionResult Judged(BaseImageInspection inspection) => new(inspection.Facts, [], inspection.Warning);

    private static async Task<(IReadOnlyList<string> Platforms, Platform Chosen, ResolvedManifest Manifest)> ChoosePlatformAsync(
        RegistryClient registry, ImageReference image, Platform? requested, DownloadProgress? progress, CancellationToken cancellationToken)
    {
        var document = await registry.GetManifestAsync(image, cancellationToken);
        if (document.IsIndex)
        {
            var entries = document.ReadIndex().Manifests.Where(m => m.Platform is { Os: not "unknown" }).ToList();
            var names = entries.Select(e => e.Platform!.ToString()).ToList();
            var entry = requested is not null ? entries.FirstOrDefault(e => requested.Matches(e.Platform))
                : entries.FirstOrDefault(e => PlatformName.Host().Matches(e.Platform)) ?? (entries.Count == 1 ? entries[0] : null);
            if (entry is null)
            {
                throw new UsageException(requested is null
                    ? $"{image} has no image for this machine's platform {PlatformName.Host()}; choose one of {string.Join(", ", names)} with --platform"
                    : $"{image} has no image for {requested}; it has {string.Join(", ", names)}");
            }

            document = await registry.GetManifestAsync(image.WithDigest(entry.Digest), cancellationToken);
            var chosen = document.ReadManifest();
            progress?.Expect(chosen.Layers);
            return (names, entry.Platform!, new ResolvedManifest(document.Digest, chosen));
        }

        var manifest = document.ReadManifest();
        var config = ImageConfiguration.Parse(await registry.GetBlobBytesAsync(image, manifest.Config.Digest, cancellationToken));
        var own = new Platform(config.Os ?? "linux", config.Architecture ?? "amd64");
        if (requested is not null && !requested.Matches(own))
        {
            throw new UsageException($"{image} is a single-platform image for {own}, not {requested}");
        }

        progress?.Expect(manifest.Layers);
        return ([own.ToString()], own, new ResolvedManifest(document.Digest, manifest));
    }
}
