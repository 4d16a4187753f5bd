using ContainerHealth.Build.Logging;
using ContainerHealth.Probe;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Probe;

/// <summary>
/// Side-effecting step: puts the probe for this runtime identifier into the publish directory (so the SDK adds it to
/// the app layer) with its owner-exec bit set, or removes a probe an earlier publish left there. Never overwrites a
/// user's own file of that name. A probe already in place, byte for byte, is left as it is.
/// </summary>
public sealed class CopyHealthProbe : Task
{
    /// <summary>The probe to copy; empty means "no probe in this image".</summary>
    public string SourceFile { get; set; } = "";

    [Required]
    public string PublishDirectory { get; set; } = "";

    /// <summary>ResolvedFileToPublish items, to recognise a user's own file named healthprobe.</summary>
    public ITaskItem[] PublishedFiles { get; set; } = [];

    /// <summary>Every probe the package ships, to recognise one left behind by an earlier publish.</summary>
    public ITaskItem[] ShippedProbes { get; set; } = [];

    /// <summary>Records the digest of the probe we placed, so a later publish can tell it from a user's file.</summary>
    [Required]
    public string StateFile { get; set; } = "";

    public string ProjectFile { get; set; } = "";

    public override bool Execute()
    {
        var destination = Path.Combine(PublishDirectory, HealthCheckDefaults.ProbeFileName);
        // Beside the state file: the digests of the shipped probes and of the one in PublishDir, by path, size and time.
        var digests = FileDigestCache.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StateFile))!, "probe.digests"));
        var existingDigest = File.Exists(destination) ? digests.DigestOf(destination) : null;
        var ours = ShippedProbes.Select(p => p.ItemSpec).Where(File.Exists).Select(digests.DigestOf).ToHashSet();
        var placed = File.Exists(StateFile) ? File.ReadAllText(StateFile).Trim() : null;
        if (placed is not null)
        {
            ours.Add(placed);
        }

        var userFile = PublishedFiles.Any(f => string.Equals(
            f.GetMetadata("RelativePath").Replace('\\', '/').TrimStart('/'), HealthCheckDefaults.ProbeFileName, StringComparison.Ordinal));

        switch (ProbePlacement.Decide(SourceFile.Length > 0, userFile, existingDigest, ours))
        {
            case ProbeAction.RefuseCollision:
                Log.Log(ProbePlacement.Collision(PublishDirectory), ProjectFile);
                break;
            case ProbeAction.RemoveStale:
                File.Delete(destination);
                File.Delete(StateFile);
                Log.LogMessage(MessageImportance.Normal, "ContainerHealth: removed the probe an earlier publish left in {0}.", PublishDirectory);
                break;
            case ProbeAction.Copy:
                var digest = digests.DigestOf(SourceFile);
                if (digest == existingDigest && IsExecutable(destination))
                {
                    Log.LogMessage(MessageImportance.Low, "ContainerHealth: {0} is already {1}.", destination, SourceFile);
                }
                else
                {
                    digest = Copy(destination, digests);
                }

                if (digest != placed)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StateFile))!);
                    File.WriteAllText(StateFile, digest);
                }

                break;
        }

        digests.Save();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Copies the probe and returns the digest of what landed in the publish directory.</summary>
    private string Copy(string destination, FileDigestCache digests)
    {
        AtomicFile.Write(destination, temporary =>
        {
            File.Copy(SourceFile, temporary, overwrite: true);

            // NuGet extracts package files without exec bits; the image needs the probe executable.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, ProbeMode);
            }
        });
        Log.LogMessage(MessageImportance.Normal, "ContainerHealth: copied {0} to {1}.", SourceFile, destination);
        return digests.DigestOf(destination);
    }

    private static bool IsExecutable(string file) => OperatingSystem.IsWindows() || File.GetUnixFileMode(file) == ProbeMode;

    private const UnixFileMode ProbeMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
}
