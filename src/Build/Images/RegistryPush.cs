using ContainerHealth.Diagnostics;
using ContainerHealth.Registry;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Images;

/// <summary>Runs a registry operation from a task: one client configured as the SDK configures its own, failures as CH1011.</summary>
internal static class RegistryPush
{
    public static RegistryClient CreateClient(TaskLoggingHelper log) =>
        new(new RegistryClientOptions { Log = message => log.LogMessage(MessageImportance.Low, "ContainerHealth: {0}", message) });

    public static bool Run(TaskLoggingHelper log, string destination, Func<System.Threading.Tasks.Task> push, string done)
    {
        try
        {
            System.Threading.Tasks.Task.Run(push).GetAwaiter().GetResult();
            log.LogMessage(MessageImportance.High, "ContainerHealth: wrote the HEALTHCHECK to {0}: {1}.", destination, done);
            return true;
        }
        catch (Exception e) when (e is RegistryException or HttpRequestException or InvalidOperationException or FormatException)
        {
            log.LogError(null, DiagnosticCodes.HealthCheckNotWritten, null, DiagnosticCodes.HelpLink(DiagnosticCodes.HealthCheckNotWritten), null, 0, 0, 0, 0,
                "ContainerHealth could not write the HEALTHCHECK to {0}: {1}. The tags still point at the image the SDK pushed, which has no HEALTHCHECK; fix the cause and publish again, or set ContainerHealthCheck=false.", destination, e.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            log.LogMessage(MessageImportance.High, "ContainerHealth: the HEALTHCHECK push to {0} was cancelled.", destination);
            return false;
        }
    }
}
