using ContainerHealth.Build.Logging;
using ContainerHealth.Probe;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Probe;

/// <summary>
/// Side-effecting step: puts the probe for this runtime identifier into the publish directory (so the SDK adds it to
/// the app layer) with its owner-exec bit set, or removes a probe an earlier publish left there. Never overwrites a
/// user's own file of that name.
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
        var existingDigest = File.Exists(destination) ? ProbePlacement.DigestOf(destination) : null;
        var ours = ShippedProbes.Select(p => p.ItemSpec).Where(File.Exists).Select(ProbePlacement.DigestOf).ToHashSet();
        if (File.Exists(StateFile))
        {
            ours.Add(File.ReadAllText(StateFile).Trim());
        }

        var userFile = PublishedFiles.Any(f => string.Equals(
            f.GetMetadata("RelativePath").Replace('\\', '/').TrimStart('/'), HealthCheckDefaults.ProbeFileName, StringComparison.Ordinal));

        switch (ProbePlacement.Decide(SourceFile.Length > 0, userFile, existingDigest, ours))
        {
            case ProbeAction.RefuseCollision:
                Log.Log(ProbePlacement.Collision(PublishDirectory), ProjectFile);
                return false;
            case ProbeAction.RemoveStale:
                File.Delete(destination);
                File.Delete(StateFile);
                Log.LogMessage(MessageImportance.Normal, "ContainerHealth: removed the probe an earlier publish left in {0}.", PublishDirectory);
                return true;
            case ProbeAction.Copy:
                Copy(destination);
                return true;
            default:
                return true;
        }
    }

    private void Copy(string destination)
    {
        AtomicFile.Write(destination, temporary =>
        {
            File.Copy(SourceFile, temporary, overwrite: true);

            // NuGet extracts package files without exec bits; the image needs the probe executable.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StateFile))!);
        File.WriteAllText(StateFile, ProbePlacement.DigestOf(destination));
        Log.LogMessage(MessageImportance.Normal, "ContainerHealth: copied {0} to {1}.", SourceFile, destination);
    }
}
