using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Images.Archives;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Which HEALTHCHECK goes into which image: one for all (a single-image build), or per image from the
/// <see cref="ApplyHealthCheckRecords"/> replacements (a multi-RID build, where RIDs may differ).
/// </summary>
public static class HealthCheckSelection
{
    public static HealthCheckSelector From(string healthCheck, IReadOnlyCollection<ITaskItem> images)
    {
        if (healthCheck.Length > 0)
        {
            var definition = ConfigHealthcheck.Parse(healthCheck);
            return (_, _) => definition;
        }

        var byManifest = new Dictionary<string, HealthCheckDefinition>(StringComparer.Ordinal);
        var byConfig = new Dictionary<string, HealthCheckDefinition>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var definition = ConfigHealthcheck.Parse(image.GetMetadata("HealthCheck"));
            byManifest[image.ItemSpec] = definition;
            byConfig[image.GetMetadata("ConfigDigest")] = definition;
        }

        return (manifestDigest, configDigest) =>
            manifestDigest is not null && byManifest.TryGetValue(manifestDigest, out var byM) ? byM
            : byConfig.TryGetValue(configDigest, out var byC) ? byC
            : null;
    }
}
