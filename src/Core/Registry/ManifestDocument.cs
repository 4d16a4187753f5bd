using ContainerHealth.Images;
using System.Text.Json;

namespace ContainerHealth.Registry;

/// <summary>A manifest or index exactly as the registry served it: the bytes are what the digest covers.</summary>
public sealed record ManifestDocument(string MediaType, string Digest, byte[] Content)
{
    public bool IsIndex => ImageMediaTypes.IsIndex(MediaType);

    public ImageIndex ReadIndex() => Read(CoreJsonContext.Default.ImageIndex, ImageMediaTypes.IsIndex, "an image index");

    public ImageManifest ReadManifest() => Read(CoreJsonContext.Default.ImageManifest, ImageMediaTypes.IsManifest, "an image manifest");

    private T Read<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Func<string, bool> accepts, string what)
    {
        if (!accepts(MediaType))
        {
            throw new RegistryException(RegistryFailure.Protocol, $"{Digest} is {MediaType}, not {what}");
        }

        try
        {
            return JsonSerializer.Deserialize(Content, type)
                ?? throw new RegistryException(RegistryFailure.Protocol, $"{Digest} is empty");
        }
        catch (JsonException e)
        {
            throw new RegistryException(RegistryFailure.Protocol, $"{Digest} is not valid JSON: {e.Message}", inner: e);
        }
    }
}
