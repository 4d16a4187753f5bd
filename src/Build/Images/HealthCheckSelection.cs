using ContainerHealth.HealthCheck;
using ContainerHealth.Images.Archives;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Which decision's HEALTHCHECK goes into which image: one for all (a single-image build: its decision record), or per
/// image from the <see cref="ApplyHealthCheckRecords"/> replacements (a multi-RID build, where RIDs may differ).
/// </summary>
public static class HealthCheckSelection
{
    public static HealthCheckSelector From(string decisionFile, IReadOnlyCollection<ITaskItem> images)
    {
        if (decisionFile.Length > 0)
        {
            var decision = Decided(decisionFile);
            return (_, _) => decision;
        }

        var byManifest = new Dictionary<string, HealthCheckDecisionRecord>(StringComparer.Ordinal);
        var byConfig = new Dictionary<string, HealthCheckDecisionRecord>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var decision = Decided(image.GetMetadata("DecisionFile"));
            byManifest[image.ItemSpec] = decision;
            byConfig[image.GetMetadata("ConfigDigest")] = decision;
        }

        return (manifestDigest, configDigest) =>
            manifestDigest is not null && byManifest.TryGetValue(manifestDigest, out var byM) ? byM
            : byConfig.TryGetValue(configDigest, out var byC) ? byC
            : null;
    }

    /// <summary>A decision record that has a HEALTHCHECK to write.</summary>
    public static HealthCheckDecisionRecord Decided(string decisionFile) =>
        HealthCheckDecisionFile.Read(decisionFile) is { Healthcheck: not null } decision
            ? decision
            : throw new InvalidDataException($"the decision record {decisionFile} is missing or has no HEALTHCHECK");
}
