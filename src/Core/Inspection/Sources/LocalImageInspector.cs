using ContainerHealth.Inspection.Sources;

namespace ContainerHealth.Inspection;

/// <summary>
/// Reads the facts of an image stored on disk (<see cref="LocalImageSource"/>): the same config parsing, layer reading and
/// merging as <see cref="BaseImageInspector"/> does for a registry, without its cache (local layers are read as fast).
/// </summary>
public static class LocalImageInspector
{
    public static async Task<ImageFacts> InspectAsync(LocalImageSource source, StoredImage image, CancellationToken cancellationToken = default)
    {
        ImageConfiguration config;
        await using (var configStream = source.OpenFile(image.ConfigFile))
        {
            using var buffer = new MemoryStream();
            await configStream.CopyToAsync(buffer, cancellationToken);
            config = ImageConfiguration.Parse(buffer.ToArray());
        }

        var files = new ImageFileSystem();
        foreach (var layerFile in image.LayerFiles)
        {
            await using var layer = source.OpenFile(layerFile);
            try
            {
                files.Apply(await LayerReader.ReadAsync(layer, cancellationToken));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
            {
                throw new InvalidDataException($"layer {layerFile} of {source.Name} is not a readable tar archive: {e.Message}", e);
            }
        }

        return LayerFacts.Read(source.Name, image.Platform.ToString(), image.ManifestDigest ?? "", files, config) with { ManifestDigest = image.ManifestDigest };
    }
}
