using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// Where a single-image build records the HEALTHCHECK it wrote, keyed by the SDK's manifest digest: content-addressed,
/// so a record can never describe another image.
/// </summary>
public static class HealthCheckRecord
{
    public static string PathFor(string directory, string sdkManifestDigest) =>
        System.IO.Path.Combine(directory, ContentDigest.Hex(sdkManifestDigest) + ".json");
}
