using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step: records which decision's HEALTHCHECK went into the image the SDK built as <see cref="SdkManifestDigest"/>,
/// for <see cref="ApplyHealthCheckRecords"/> in the outer build (see <see cref="HealthCheckRecord"/>).
/// </summary>
public sealed class RecordHealthCheck : Task
{
    [Required]
    public string RecordDirectory { get; set; } = "";

    [Required]
    public string SdkManifestDigest { get; set; } = "";

    /// <summary>This RID's decision record, whose HEALTHCHECK went into the image.</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    public override bool Execute()
    {
        HealthCheckRecord.Write(RecordDirectory, SdkManifestDigest, Path.GetFullPath(DecisionFile));
        return true;
    }
}
