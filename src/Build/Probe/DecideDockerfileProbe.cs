using ContainerHealth.Build.HealthCheck;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Probe;

/// <summary>
/// Compute step for Dockerfile builds: the same decision as PublishContainer's (<see cref="HealthCheckPlanner"/>) for the
/// publish's RID, said as the one HEALTHCHECK line the Dockerfile's final stage needs (CH1017, a message), without
/// --start-interval, which builders before Docker 25 refuse. Its findings are not warnings here: a PublishContainer
/// publish decides again, and reports them, in its own step.
/// </summary>
public sealed class DecideDockerfileProbe : HealthCheckDecisionTask
{
    [Required]
    public string RuntimeIdentifier { get; set; } = "";

    public string PublishDirectory { get; set; } = "";

    /// <summary>The runtime identifier whose probe to copy, or empty for none.</summary>
    [Output]
    public string ProbeRuntimeIdentifier { get; private set; } = "";

    [Output]
    public string Instruction { get; private set; } = "";

    public override bool Execute()
    {
        var decision = HealthCheckPlanner.Decide(Settings(), Facts(RuntimeIdentifier, []));
        if (decision.Definition is null || decision.ProbeRuntimeIdentifier is null)
        {
            var why = decision.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "the probe is off, or the check does not run it";
            Log.LogMessage(MessageImportance.Normal, "ContainerHealth: no probe in {0} for Dockerfile builds: {1}", PublishDirectory, why);
            return true;
        }

        ProbeRuntimeIdentifier = decision.ProbeRuntimeIdentifier;
        Instruction = HealthCheckInstruction.Create(decision.Definition, withStartInterval: false);
        Log.LogMessage(null, DiagnosticCodes.PublishedProbeHealthCheck, null, ProjectFile, 0, 0, 0, 0, MessageImportance.High,
            "ContainerHealth: {0} holds healthprobe for Dockerfile builds (an image from dotnet publish -t:PublishContainer gets its HEALTHCHECK written, and needs nothing); a final stage that copies it needs: {1}",
            PublishDirectory, Instruction);
        return true;
    }
}
