using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step: records the HEALTHCHECK written into the image the SDK built as <see cref="SdkManifestDigest"/>,
/// for <see cref="ApplyHealthCheckRecords"/> in the outer build (see <see cref="HealthCheckRecord"/>).
/// </summary>
public sealed class RecordHealthCheck : Task
{
    [Required]
    public string RecordDirectory { get; set; } = "";

    [Required]
    public string SdkManifestDigest { get; set; } = "";

    /// <summary>Docker's Healthcheck object as JSON.</summary>
    [Required]
    public string HealthCheck { get; set; } = "";

    public override bool Execute()
    {
        HealthCheckRecord.Write(RecordDirectory, SdkManifestDigest, HealthCheck);
        return true;
    }
}
