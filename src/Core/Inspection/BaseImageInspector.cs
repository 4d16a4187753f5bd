using ContainerHealth.Diagnostics;
using ContainerHealth.Registry;

namespace ContainerHealth.Inspection;

/// <summary>
/// Reads what a base image holds for one platform: index → platform manifest → config → every layer's tar headers
/// (in parallel, from the SDK's layer cache when it has them), merged in order. Results are cached by manifest digest.
/// When the image cannot be read, the facts are judged by name and CH1005 says why.
/// </summary>
public sealed class BaseImageInspector(RegistryClient registry, InspectionCache? cache = null, Action<string>? log = null)
{
    /// <summary>Directories to look for SDK-cached layers in; empty turns that reuse off.</summary>
    public IReadOnlyList<string> SdkLayerDirectories { get; init; } = SdkLayerCache.ContentDirectories();

    public int MaxParallelLayers { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public Task<BaseImageInspection> InspectAsync(ImageReference image, string runtimeIdentifier, CancellationToken cancellationToken = default) =>
        InspectAsync(image, runtimeIdentifier, resolved: null, cancellationToken);

    /// <summary>
    /// The same, for a platform manifest the caller has already fetched (the CLI reads the index once to list the
    /// platforms and choose one): it is not asked for again.
    /// </summary>
    public async Task<BaseImageInspection> InspectAsync(ImageReference image, string runtimeIdentifier, ResolvedManifest? resolved, CancellationToken cancellationToken = default)
    {
        var platform = Platform.FromRuntimeIdentifier(runtimeIdentifier);
        if (platform is null)
        {
            var unknown = new ImageFacts { Image = image.ToString(), Platform = runtimeIdentifier, Source = FactsSource.Unknown };
            return new BaseImageInspection(unknown, Warn(image, runtimeIdentifier, $"the runtime identifier '{runtimeIdentifier}' names no container platform", unknown), false);
        }

        var platformName = platform.ToString();
        // A digest names content that never changes: what it resolved to for this platform, with facts cached, is still true.
        if (resolved is null && image.Digest is not null
            && cache?.RecallReference(image, platformName) is { } pinned && cache.TryLoad(pinned) is { } pinnedFacts)
        {
            log?.Invoke($"base image {image} ({platformName}) is {pinned}: facts from the cache, no request (the reference is a digest)");
            return new BaseImageInspection(pinnedFacts with { Image = image.ToString() }, null, true);
        }

        try
        {
            // The reference is resolved on every inspection (a moved tag is noticed); the platform's manifest itself is
            // fetched only when its facts are not cached: its digest, named by the index, is all the cache needs.
            var (manifestDigest, manifest) = resolved is null ? await ResolveDigestAsync(image, platform, cancellationToken) : (resolved.Digest, resolved.Manifest);
            cache?.RememberReference(image, platformName, manifestDigest);
            if (cache?.TryLoad(manifestDigest) is { } cached)
            {
                log?.Invoke($"base image {image} ({platformName}) is {manifestDigest}: facts from the cache");
                return new BaseImageInspection(cached with { Image = image.ToString() }, null, true);
            }

            manifest ??= (await registry.GetManifestAsync(image.WithDigest(manifestDigest), cancellationToken)).ReadManifest();
            var facts = await ReadLayersAsync(image, platformName, manifestDigest, manifest, cancellationToken);
            cache?.Save(facts, facts.Files!.Value!);
            return new BaseImageInspection(facts, null, false);
        }
        catch (RegistryException e) when (e.Failure == RegistryFailure.Unreachable
            && cache?.RecallReference(image, platformName) is { } known && cache.TryLoad(known) is { } cached)
        {
            log?.Invoke($"{e.Message}; using the facts cached for {image} ({platformName}) = {known}");
            return new BaseImageInspection(cached with { Image = image.ToString() }, null, true);
        }
        catch (Exception e) when (e is RegistryException or InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            var reason = e is RegistryException ? e.Message : $"a layer of {image} is unreadable ({e.Message})";
            var judged = KnownImageFamilies.Judge(image, platformName, reason);
            return new BaseImageInspection(judged, Warn(image, platformName, reason, judged), false);
        }
    }

    /// <summary>Facts judged by name, with CH1005 saying why, for an image that is not read at all (its registry failed before).</summary>
    public static BaseImageInspection JudgeByName(ImageReference image, string platformName, string reason)
    {
        var judged = KnownImageFamilies.Judge(image, platformName, reason);
        return new BaseImageInspection(judged, Warn(image, platformName, reason, judged), false);
    }

    /// <summary>The platform manifest's digest, and the manifest when the reference named it rather than an index.</summary>
    private async Task<(string Digest, ImageManifest? Manifest)> ResolveDigestAsync(ImageReference image, Platform platform, CancellationToken cancellationToken)
    {
        var document = await registry.GetManifestAsync(image, cancellationToken);
        if (!document.IsIndex)
        {
            return (document.Digest, document.ReadManifest());
        }

        var entry = document.ReadIndex().Find(platform)
            ?? throw new RegistryException(RegistryFailure.NotFound, $"{image} has no image for {platform}");
        if (!ContentDigest.IsValid(entry.Digest))
        {
            throw new RegistryException(RegistryFailure.Protocol, $"{image}'s index names {platform} by an invalid digest '{entry.Digest}'");
        }

        return (entry.Digest, null);
    }

    private async Task<ImageFacts> ReadLayersAsync(
        ImageReference image, string platform, string manifestDigest, ImageManifest manifest, CancellationToken cancellationToken)
    {
        var configTask = registry.GetBlobBytesAsync(image, manifest.Config.Digest, cancellationToken);
        using var slots = new SemaphoreSlim(MaxParallelLayers);
        var layerTasks = manifest.Layers.Select(async layer =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await ReadLayerAsync(image, layer, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();

        var config = ImageConfiguration.Parse(await configTask);
        var files = new ImageFileSystem();
        foreach (var layer in await Task.WhenAll(layerTasks))
        {
            files.Apply(layer);
        }

        return LayerFacts.Read(image.ToString(), platform, manifestDigest, files, config);
    }

    private async Task<IReadOnlyList<FileEntry>> ReadLayerAsync(ImageReference image, Descriptor layer, CancellationToken cancellationToken)
    {
        if (SdkLayerDirectories.Count > 0 && SdkLayerCache.Find(layer.Digest, SdkLayerDirectories) is { } cachedLayer)
        {
            try
            {
                await using var local = SdkLayerCache.Open(cachedLayer, layer.Digest);
                return await LayerReader.ReadAsync(local, cancellationToken);
            }
            catch (Exception e) when (e is RegistryException or InvalidDataException or EndOfStreamException or IOException)
            {
                log?.Invoke($"ignoring the SDK's cached {cachedLayer}: {e.Message}");
            }
        }

        try
        {
            await using var blob = await registry.GetBlobAsync(image, layer.Digest, cancellationToken);
            return await LayerReader.ReadAsync(blob, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException || (e is IOException && e is not HttpIOException))
        {
            throw new InvalidDataException($"layer {layer.Digest} is not a readable tar archive: {e.Message}", e);
        }
    }

    private static Diagnostic Warn(ImageReference image, string platform, string reason, ImageFacts judged)
    {
        var outcome = judged.Source == FactsSource.Name
            ? $"Judged by name instead: {judged.Describe().Replace(" (judged by name)", "")}."
            : "Checks that need the image's contents are skipped.";
        return new Diagnostic(
            DiagnosticCodes.InspectionFailed,
            DiagnosticSeverity.Warning,
            $"The base image {image} ({platform}) could not be inspected: {reason}. {outcome} "
            + "Make the registry reachable (and `docker login` if it needs credentials) so the build can read the image.");
    }
}
