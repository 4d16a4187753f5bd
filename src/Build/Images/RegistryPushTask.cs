using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// A registry push from a task: the repository and tags the SDK pushed, one client configured as the SDK configures its
/// own, and failures as CH1011.
/// </summary>
public abstract class RegistryPushTask : Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    [Required]
    public string Registry { get; set; } = "";

    [Required]
    public string Repository { get; set; } = "";

    [Required]
    public ITaskItem[] Tags { get; set; } = [];

    public void Cancel() => cancellation.Cancel();

    /// <summary>Runs <paramref name="push"/> (repository, tags, writer, cancellation) and returns a summary for the log.</summary>
    protected bool Push(Func<ImageReference, string[], RegistryImageWriter, CancellationToken, Task<string>> push)
    {
        var destination = $"{Registry}/{Repository}";
        try
        {
            var done = System.Threading.Tasks.Task.Run(async () =>
            {
                using var client = new RegistryClient(new RegistryClientOptions
                {
                    Log = message => Log.LogMessage(MessageImportance.Low, "ContainerHealth: {0}", message),
                });
                return await push(new ImageReference(Registry, Repository), Tags.Select(t => t.ItemSpec).ToArray(), new RegistryImageWriter(client), cancellation.Token);
            }).GetAwaiter().GetResult();
            Log.LogMessage(MessageImportance.High, "ContainerHealth: wrote the HEALTHCHECK to {0}: {1}.", destination, done);
            return true;
        }
        catch (Exception e) when (e is RegistryException or HttpRequestException or InvalidOperationException or FormatException)
        {
            Log.LogError(null, DiagnosticCodes.HealthCheckNotWritten, null, DiagnosticCodes.HelpLink(DiagnosticCodes.HealthCheckNotWritten), null, 0, 0, 0, 0,
                "ContainerHealth could not write the HEALTHCHECK to {0}: {1}. The tags still point at the image the SDK pushed, which has no HEALTHCHECK; fix the cause and publish again, or set ContainerHealthCheck=false.", destination, e.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the HEALTHCHECK push to {0} was cancelled.", destination);
            return false;
        }
    }
}
