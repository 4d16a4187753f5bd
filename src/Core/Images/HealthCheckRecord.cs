using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// Which decision record's HEALTHCHECK a single-image build wrote, kept where the outer build of the publish finds it: one
/// file per image, named by the SDK's manifest digest, so a record can never describe another image. The outer build
/// recomputes the final image from the SDK's and that decision with <see cref="HealthCheckImage"/>, as the inner build did.
/// </summary>
public static class HealthCheckRecord
{
    /// <summary>Records that <paramref name="decisionFile"/> went into the image; an unchanged record keeps its timestamp.</summary>
    public static void Write(string directory, string sdkManifestDigest, string decisionFile)
    {
        var path = PathFor(directory, sdkManifestDigest);
        if (File.Exists(path) && File.ReadAllText(path) == decisionFile)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(path, decisionFile);
    }

    /// <summary>The decision record file of the image the SDK built as <paramref name="sdkManifestDigest"/>, or null.</summary>
    public static string? Read(string directory, string sdkManifestDigest)
    {
        var path = PathFor(directory, sdkManifestDigest);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static string PathFor(string directory, string sdkManifestDigest) =>
        Path.Combine(directory, ContentDigest.Hex(sdkManifestDigest) + ".decision");
}
