using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// The HEALTHCHECK a single-image build wrote, kept where the outer build of the publish finds it: one file per image,
/// named by the SDK's manifest digest, so a record can never describe another image. Written and read only here.
/// </summary>
public static class HealthCheckRecord
{
    /// <summary>Records <paramref name="healthCheck"/> (Docker's Healthcheck JSON); an unchanged record keeps its timestamp.</summary>
    public static void Write(string directory, string sdkManifestDigest, string healthCheck)
    {
        var path = PathFor(directory, sdkManifestDigest);
        if (File.Exists(path) && File.ReadAllText(path) == healthCheck)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(path, healthCheck);
    }

    /// <summary>The HEALTHCHECK recorded for the image the SDK built as <paramref name="sdkManifestDigest"/>, or null.</summary>
    public static string? Read(string directory, string sdkManifestDigest)
    {
        var path = PathFor(directory, sdkManifestDigest);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static string PathFor(string directory, string sdkManifestDigest) =>
        Path.Combine(directory, ContentDigest.Hex(sdkManifestDigest) + ".json");
}
