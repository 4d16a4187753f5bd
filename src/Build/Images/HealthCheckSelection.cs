using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Images.Archives;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Which HEALTHCHECK goes into which image: one for all (a single-image build: its decision record), or per image from the
/// <see cref="ApplyHealthCheckRecords"/> replacements (a multi-RID build, where RIDs may differ).
/// </summary>
public static class HealthCheckSelection
{
    public static HealthCheckSelector From(string decisionFile, IReadOnlyCollection<ITaskItem> images)
    {
        if (decisionFile.Length > 0)
        {
            var definition = Decided(decisionFile);
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

    /// <summary>The HEALTHCHECK of a single-image build's decision record.</summary>
    public static HealthCheckDefinition Decided(string decisionFile) =>
        HealthCheckDecisionFile.Read(decisionFile)?.Definition()
        ?? throw new InvalidDataException($"the decision record {decisionFile} is missing or has no HEALTHCHECK");
}
