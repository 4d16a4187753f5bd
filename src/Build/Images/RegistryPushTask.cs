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
    private readonly TaskCancellation cancellation = new();

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
        using var run = cancellation.Start();
        try
        {
            var done = System.Threading.Tasks.Task.Run(async () =>
            {
                using var client = new RegistryClient(new RegistryClientOptions
                {
                    Credentials = ContainerHealth.Registry.Authentication.ChainedCredentialSource.Default(ContainerHealth.Registry.Authentication.RegistryMode.Push),
                    Log = message => Log.LogMessage(MessageImportance.Low, "ContainerHealth: {0}", message),
                });
                return await push(new ImageReference(Registry, Repository), Tags.Select(t => t.ItemSpec).ToArray(), new RegistryImageWriter(client), run.Token);
            }).GetAwaiter().GetResult();
            Log.LogMessage(MessageImportance.High, "ContainerHealth: wrote the HEALTHCHECK to {0}: {1}.", destination, done);
            return true;
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
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
    }
}
