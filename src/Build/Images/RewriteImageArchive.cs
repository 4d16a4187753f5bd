using ContainerHealth.Build.Logging;
using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using ContainerHealth.Images.Archives;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step: writes the HEALTHCHECK into every image of the archive the SDK wrote (OCI layout or
/// docker-archive), replacing the file atomically.
/// </summary>
public sealed class RewriteImageArchive : Task
{
    [Required]
    public string ArchivePath { get; set; } = "";

    /// <summary>The decision record whose HEALTHCHECK goes into every image in the archive; or empty and <see cref="Images"/>.</summary>
    public string DecisionFile { get; set; } = "";

    /// <summary>Per-image HEALTHCHECKs (the replacements from ApplyHealthCheckRecords).</summary>
    public ITaskItem[] Images { get; set; } = [];

    public override bool Execute()
    {
        try
        {
            var rewrite = ImageArchiveRewriter.Rewrite(ArchivePath, HealthCheckSelection.From(DecisionFile, Images));
            Log.LogMessage(MessageImportance.High, "ContainerHealth: wrote the HEALTHCHECK into {0} ({1} image(s)).", ArchivePath, rewrite.RewrittenConfigs);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or System.Text.Json.JsonException)
        {
            Log.Log(new Diagnostic(DiagnosticCodes.HealthCheckNotWritten, DiagnosticSeverity.Error,
                $"ContainerHealth could not write the HEALTHCHECK into {ArchivePath}: {e.Message}. The archive was left as the SDK wrote it.", ArchivePath));
            return false;
        }
    }
}
