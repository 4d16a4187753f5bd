using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>Compute step: which output of the SDK gets the HEALTHCHECK (<see cref="ImageDestinations.Choose"/>).</summary>
public sealed class ChooseImageDestination : Task
{
    /// <summary>The SDK's <c>_SkipContainerPublishing</c>: true in the inner builds of a multi-RID publish.</summary>
    public bool SkipPublishing { get; set; }

    public string ArchiveOutputPath { get; set; } = "";

    public string Registry { get; set; } = "";

    /// <summary>None, Archive, Registry or LocalEngine.</summary>
    [Output]
    public string Destination { get; set; } = "";

    public override bool Execute()
    {
        Destination = ImageDestinations.Choose(SkipPublishing, ArchiveOutputPath, Registry).ToString();
        return true;
    }
}
