using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Probe;

/// <summary>
/// Compute step for Dockerfile builds: says, once per publish, the HEALTHCHECK line the Dockerfile's final stage needs to
/// run the probe the publish output now carries (CH1017, a message: nothing is wrong yet). The line is the decision
/// PublishContainer would write, as a Dockerfile instruction (without --start-interval, which builders before Docker 25
/// refuse).
/// </summary>
public sealed class ReportDockerfileHealthCheck : Task
{
    /// <summary>Docker's Healthcheck object as JSON, from ComputeContainerHealthCheck; empty: no probe, nothing to say.</summary>
    public string HealthCheck { get; set; } = "";

    public string PublishDirectory { get; set; } = "";

    public string ProjectFile { get; set; } = "";

    /// <summary>The instruction, for targets that want to write it somewhere.</summary>
    [Output]
    public string Instruction { get; private set; } = "";

    public override bool Execute()
    {
        if (HealthCheck.Length == 0)
        {
            return true;
        }

        Instruction = HealthCheckInstruction.Create(ConfigHealthcheck.Parse(HealthCheck), withStartInterval: false);
        Log.LogMessage(null, DiagnosticCodes.PublishedProbeHealthCheck, null, ProjectFile, 0, 0, 0, 0, MessageImportance.High,
            "ContainerHealth: {0} holds healthprobe for Dockerfile builds; the final stage that copies it needs: {1}",
            PublishDirectory, Instruction);
        return true;
    }
}
