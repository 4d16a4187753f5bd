using ContainerHealth.Build.Logging;
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
    private readonly object gate = new();
    private CancellationTokenSource? running;
    private bool cancelled;

    [Required]
    public string Registry { get; set; } = "";

    [Required]
    public string Repository { get; set; } = "";

    [Required]
    public ITaskItem[] Tags { get; set; } = [];

    public void Cancel()
    {
        lock (gate)
        {
            cancelled = true;
            running?.Cancel();
        }
    }

    /// <summary>Runs <paramref name="push"/> (repository, tags, writer, cancellation) and returns a summary for the log.</summary>
    protected bool Push(Func<ImageReference, string[], RegistryImageWriter, CancellationToken, Task<string>> push)
    {
        var destination = $"{Registry}/{Repository}";
        using var cancellation = new CancellationTokenSource();
        lock (gate)
        {
            running = cancellation;
            if (cancelled)
            {
                cancellation.Cancel();
            }
        }

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
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the HEALTHCHECK push to {0} was cancelled.", destination);
            return false;
        }
        catch (Exception e) when (RegistryPushFailure.IsExpected(e) || e is OperationCanceledException)
        {
            var failure = e is OperationCanceledException ? new TimeoutException("the push timed out", e) : e;
            Log.Log(new Diagnostic(DiagnosticCodes.HealthCheckNotWritten, DiagnosticSeverity.Error, RegistryPushFailure.Describe(failure, Registry, Repository)));
            return false;
        }
        finally
        {
            lock (gate)
            {
                running = null;
            }
        }
    }
}
