using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Probe;

/// <summary>
/// Compute step for Dockerfile builds: the same decision as PublishContainer's (<see cref="HealthCheckPlanner"/>) for the
/// publish's RID, said as the one HEALTHCHECK line the Dockerfile's final stage needs (CH1017, a message), without
/// --start-interval, which builders before Docker 25 refuse. Its findings are not warnings here: a PublishContainer
/// publish decides again, and reports them, in its own step.
/// </summary>
public sealed class DecideDockerfileProbe : Task
{
    public string Probe { get; set; } = "";

    public string Path { get; set; } = "";

    /// <summary>The built app assembly, where the analyzers record the health endpoints the app maps (as in ComputeContainerHealthCheck).</summary>
    public string AppAssembly { get; set; } = "";

    public string Protocol { get; set; } = "";

    public string Service { get; set; } = "";

    public ITaskItem[] PackageReferences { get; set; } = [];

    public string Port { get; set; } = "";

    public string Interval { get; set; } = "";

    public string Timeout { get; set; } = "";

    public string StartPeriod { get; set; } = "";

    public string StartInterval { get; set; } = "";

    public string Retries { get; set; } = "";

    public string Command { get; set; } = "";

    [Required]
    public string RuntimeIdentifier { get; set; } = "";

    public string ProjectDirectory { get; set; } = "";

    public string ContainerWorkingDirectory { get; set; } = "";

    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];

    public ITaskItem[] ContainerPorts { get; set; } = [];

    public ITaskItem[] ProbeRuntimeIdentifiers { get; set; } = [];

    public string PublishDirectory { get; set; } = "";

    public string ProjectFile { get; set; } = "";

    /// <summary>The runtime identifier whose probe to copy, or empty for none.</summary>
    [Output]
    public string ProbeRuntimeIdentifier { get; private set; } = "";

    [Output]
    public string Instruction { get; private set; } = "";

    public override bool Execute()
    {
        var decision = HealthCheckPlanner.Decide(
            new HealthCheckSettings
            {
                Probe = Probe, Path = Path, Protocol = Protocol, Service = Service, Port = Port,
                Interval = Interval, Timeout = Timeout, StartPeriod = StartPeriod, StartInterval = StartInterval, Retries = Retries, Command = Command,
            },
            new ContainerFacts
            {
                RuntimeIdentifier = RuntimeIdentifier,
                WorkingDirectory = ContainerWorkingDirectory,
                EnvironmentVariables = ContainerEnvironmentVariables.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Value"))).ToArray(),
                Ports = ContainerPorts.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Type"))).ToArray(),
                ProbeRuntimeIdentifiers = ProbeRuntimeIdentifiers.Select(i => i.ItemSpec).ToArray(),
                ProjectDirectory = ProjectDirectory,
                PackageReferences = PackageReferences.Select(i => i.ItemSpec).ToArray(),
                AppAssembly = AppAssembly,
            });
        if (decision.Definition is null || decision.ProbeRuntimeIdentifier is null)
        {
            var why = decision.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "the probe is off, or the check does not run it";
            Log.LogMessage(MessageImportance.Normal, "ContainerHealth: no probe in {0} for Dockerfile builds: {1}", PublishDirectory, why);
            return true;
        }

        ProbeRuntimeIdentifier = decision.ProbeRuntimeIdentifier;
        Instruction = HealthCheckInstruction.Create(decision.Definition, withStartInterval: false);
        Log.LogMessage(null, DiagnosticCodes.PublishedProbeHealthCheck, null, ProjectFile, 0, 0, 0, 0, MessageImportance.High,
            "ContainerHealth: {0} holds healthprobe for Dockerfile builds; the final stage that copies it needs: {1}",
            PublishDirectory, Instruction);
        return true;
    }
}
