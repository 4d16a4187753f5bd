using ContainerHealth.Build.Logging;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Inspection;

/// <summary>
/// Side-effecting (network, cache): reads the base image the SDK resolved for one RID and returns its facts as an item
/// (metadata HasShell, HasCurl, HasWget, Libc, User, ...) and as a JSON file the lint and the publish flow read.
/// An image that cannot be read is CH1005, never an error.
/// </summary>
public sealed class InspectBaseImage : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly TaskCancellation cancellation = new();

    [Required]
    public string BaseRegistry { get; set; } = "";

    [Required]
    public string BaseImageName { get; set; } = "";

    public string BaseImageTag { get; set; } = "";

    public string BaseImageDigest { get; set; } = "";

    /// <summary>The registry the image is pushed to (<c>ContainerRegistry</c>): a base image there is read with the push's general credentials too, as the SDK does.</summary>
    public string OutputRegistry { get; set; } = "";

    [Required]
    public string RuntimeIdentifier { get; set; } = "";

    /// <summary>Where to write the facts as JSON (read by the lint task).</summary>
    [Required]
    public string FactsFile { get; set; } = "";

    /// <summary>Overrides the per-user cache directory ($XDG_CACHE_HOME/containerhealth).</summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>The project, for placing CH1005 when no file is involved.</summary>
    public string ProjectFile { get; set; } = "";

    [Output]
    public ITaskItem? Facts { get; private set; }

    /// <summary>The SDK's choice for the base image (CreateNewImage): the output registry's credentials apply only there.</summary>
    internal ContainerHealth.Registry.Authentication.RegistryMode CredentialMode =>
        BaseRegistry.Equals(OutputRegistry, StringComparison.OrdinalIgnoreCase)
            ? ContainerHealth.Registry.Authentication.RegistryMode.PullFromOutput
            : ContainerHealth.Registry.Authentication.RegistryMode.Pull;

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        ImageReference image;
        try
        {
            image = new ImageReference(BaseRegistry, BaseImageName, BaseImageTag.Length == 0 ? null : BaseImageTag, BaseImageDigest.Length == 0 ? null : BaseImageDigest);
        }
        catch (FormatException e)
        {
            Log.Log(new ContainerHealth.Diagnostics.Diagnostic(
                ContainerHealth.Diagnostics.DiagnosticCodes.InspectionFailed,
                ContainerHealth.Diagnostics.DiagnosticSeverity.Warning,
                $"The base image {BaseRegistry}/{BaseImageName}:{BaseImageTag} could not be inspected: {e.Message}. Set ContainerBaseImage to a valid image reference."),
                ProjectFile);
            return true;
        }

        var cache = new InspectionCache(CacheDirectory.Length == 0 ? InspectionCache.DefaultDirectory() : CacheDirectory);
        void Trace(string message) => Log.LogMessage(MessageImportance.Low, "ContainerHealth: " + message);
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Credentials = ContainerHealth.Registry.Authentication.ChainedCredentialSource.Default(CredentialMode, Trace),
            Log = Trace,
        });
        var inspector = new BaseImageInspector(client, cache, Trace);
        using var run = cancellation.Start();
        BaseImageInspection inspection;
        try
        {
            inspection = System.Threading.Tasks.Task.Run(() => inspector.InspectAsync(image, RuntimeIdentifier, run.Token)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (inspection.Warning is { } warning)
        {
            Log.Log(warning, ProjectFile);
        }

        FactsFileWriter.Write(FactsFile, inspection.Facts);
        Facts = FactsItem.From(inspection.Facts, RuntimeIdentifier, FactsFile);
        Trace($"base {image} ({RuntimeIdentifier}): {inspection.Facts.Describe()}{(inspection.FromCache ? " [cached]" : "")}");
        return !Log.HasLoggedErrors;
    }
}
