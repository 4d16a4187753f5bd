using System.Text;
using ContainerHealth.HealthCheck;
using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// One image after the HEALTHCHECK was written: the new config and the manifest that points at it, with their digests.
/// The layers are untouched, so only these two blobs need to be written or pushed.
/// </summary>
public sealed record HealthCheckImage(string Config, string ConfigDigest, string Manifest, string ManifestDigest, string ManifestMediaType)
{
    public byte[] ConfigBytes => Encoding.UTF8.GetBytes(Config);

    public byte[] ManifestBytes => Encoding.UTF8.GetBytes(Manifest);

    public static HealthCheckImage Create(string configJson, string manifestJson, HealthCheckDefinition definition)
    {
        var config = ConfigHealthcheck.Apply(configJson, definition);
        var configBytes = Encoding.UTF8.GetBytes(config);
        var configDigest = ContentDigest.Compute(configBytes);
        var manifest = ManifestConfig.Replace(manifestJson, configDigest, configBytes.LongLength);
        var mediaType = ManifestConfig.MediaType(manifestJson) ?? ImageMediaTypes.OciManifest;
        return new HealthCheckImage(config, configDigest, manifest, ContentDigest.Compute(Encoding.UTF8.GetBytes(manifest)), mediaType);
    }
}
