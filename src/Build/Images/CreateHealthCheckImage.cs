using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Compute step (no side effects): the config and manifest the SDK generated, with the HEALTHCHECK written into the
/// config and the manifest pointing at it. The outputs replace the SDK's GeneratedContainer* values.
/// </summary>
public sealed class CreateHealthCheckImage : Task
{
    [Required]
    public string Configuration { get; set; } = "";

    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>This RID's decision record, whose HEALTHCHECK goes into the image.</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    [Output]
    public string NewConfiguration { get; set; } = "";

    [Output]
    public string NewManifest { get; set; } = "";

    [Output]
    public string NewManifestDigest { get; set; } = "";

    [Output]
    public string ManifestMediaType { get; set; } = "";

    public override bool Execute()
    {
        var image = HealthCheckImage.Create(Configuration, Manifest, HealthCheckSelection.Decided(DecisionFile));
        NewConfiguration = image.Config;
        NewManifest = image.Manifest;
        NewManifestDigest = image.ManifestDigest;
        ManifestMediaType = image.ManifestMediaType;
        return true;
    }
}
