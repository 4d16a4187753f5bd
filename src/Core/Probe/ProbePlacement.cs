using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using ContainerHealth.Registry;

namespace ContainerHealth.Probe;

/// <summary>
/// Decides what to do with <c>healthprobe</c> in the publish directory. A file there is ours only if we recorded putting
/// it there, or it is byte-for-byte a probe this package ships; anything else belongs to the user and is never touched.
/// </summary>
public static class ProbePlacement
{
    public static ProbeAction Decide(bool wantProbe, bool userPublishesFileNamedProbe, string? existingDigest, IReadOnlyCollection<string> ourDigests)
    {
        var existingIsOurs = existingDigest is not null && ourDigests.Contains(existingDigest);
        if (wantProbe)
        {
            if (userPublishesFileNamedProbe || existingDigest is not null && !existingIsOurs)
            {
                return ProbeAction.RefuseCollision;
            }

            return ProbeAction.Copy;
        }

        return existingIsOurs && !userPublishesFileNamedProbe ? ProbeAction.RemoveStale : ProbeAction.None;
    }

    public static Diagnostic Collision(string publishDirectory) => new(
        DiagnosticCodes.ProbeNameCollision,
        DiagnosticSeverity.Error,
        $"The publish output already has a file named '{HealthCheckDefaults.ProbeFileName}' ({Path.Combine(publishDirectory, HealthCheckDefaults.ProbeFileName)}) that ContainerHealth did not put there; it was left as it is and no probe was added. Rename your file, or set ContainerHealthProbe=false to keep it (and ContainerHealthCheckCommand to check with it).");
}
