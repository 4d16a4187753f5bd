using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// The decide step: validates the ContainerHealth* properties against the SDK's container facts, decides which probe to
/// copy and which HEALTHCHECK to write, and saves the whole decision as this RID's <see cref="HealthCheckDecisionRecord"/>
/// (<see cref="DecisionFile"/>), which every later step reads. Its only side effect is that file.
/// </summary>
public sealed class ComputeContainerHealthCheck : Task
{
    public string ProjectFile { get; set; } = "";

    public string Probe { get; set; } = "";

    /// <summary>ContainerHealthCheckPath as the project set it; empty: the app's mapped health endpoints decide.</summary>
    public string Path { get; set; } = "";

    /// <summary>The built app assembly (@(IntermediateAssembly)), where the analyzers record the health endpoints the app maps.</summary>
    public string AppAssembly { get; set; } = "";

    /// <summary>Where this RID's decision record goes (an earlier publish's is replaced, or deleted when no decision is made).</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    public string Protocol { get; set; } = "";

    /// <summary>ContainerHealthCheckService: the gRPC service a grpc check asks about.</summary>
    public string Service { get; set; } = "";

    /// <summary>The project's PackageReference items (a gRPC health service package makes the default protocol grpc).</summary>
    public ITaskItem[] PackageReferences { get; set; } = [];

    public string Port { get; set; } = "";

    public string Interval { get; set; } = "";

    public string Timeout { get; set; } = "";

    public string StartPeriod { get; set; } = "";

    public string StartInterval { get; set; } = "";

    public string Retries { get; set; } = "";

    public string Command { get; set; } = "";

    public string ContainerRuntimeIdentifier { get; set; } = "";

    /// <summary>Where appsettings.json and appsettings.Production.json are (they can decide the app's port).</summary>
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The base image's facts file from the inspection (its environment can decide the app's port), or empty.</summary>
    public string BaseImageFactsFile { get; set; } = "";

    public string ContainerWorkingDirectory { get; set; } = "";

    /// <summary>ContainerEnvironmentVariable items (Value metadata).</summary>
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];

    /// <summary>ContainerPort items (Type metadata).</summary>
    public ITaskItem[] ContainerPorts { get; set; } = [];

    /// <summary>One item per runtime identifier the package ships a probe for.</summary>
    public ITaskItem[] ProbeRuntimeIdentifiers { get; set; } = [];

    /// <summary>Docker's Healthcheck object as JSON, or empty when the image gets no HEALTHCHECK.</summary>
    [Output]
    public string HealthCheck { get; set; } = "";

    /// <summary>The runtime identifier whose probe to copy, or empty for none.</summary>
    [Output]
    public string ProbeRuntimeIdentifier { get; set; } = "";

    [Output]
    public string ProbePathInImage { get; set; } = "";

    /// <summary>http, grpc, tcp or command, for the decision line in the build output.</summary>
    [Output]
    public string CheckProtocol { get; set; } = "";

    public override bool Execute()
    {
        if (File.Exists(DecisionFile))
        {
            File.Delete(DecisionFile);
        }

        var settings = new HealthCheckSettings
        {
            Probe = Probe,
            Path = Path,
            Protocol = Protocol,
            Service = Service,
            Port = Port,
            Interval = Interval,
            Timeout = Timeout,
            StartPeriod = StartPeriod,
            StartInterval = StartInterval,
            Retries = Retries,
            Command = Command,
        };
        var facts = new ContainerFacts
        {
            RuntimeIdentifier = ContainerRuntimeIdentifier,
            WorkingDirectory = ContainerWorkingDirectory,
            EnvironmentVariables = ContainerEnvironmentVariables.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Value"))).ToArray(),
            Ports = ContainerPorts.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Type"))).ToArray(),
            ProbeRuntimeIdentifiers = ProbeRuntimeIdentifiers.Select(i => i.ItemSpec).ToArray(),
            ProjectDirectory = ProjectDirectory,
            PackageReferences = PackageReferences.Select(i => i.ItemSpec).ToArray(),
            AppAssembly = AppAssembly,
            BaseImageEnvironment = BaseImageFactsFile.Length > 0 && FactsFileWriter.Read(BaseImageFactsFile) is { } imageFacts ? imageFacts.Environment : [],
        };
        var decision = HealthCheckPlanner.Decide(settings, facts);

        foreach (var diagnostic in decision.Diagnostics)
        {
            Log.Log(diagnostic, ProjectFile);
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var record = HealthCheckDecisionRecord.From(decision, settings, facts, BaseImageFactsFile);
        HealthCheckDecisionFile.Write(DecisionFile, record);
        HealthCheck = record.HealthcheckJson();
        ProbeRuntimeIdentifier = record.ProbeRuntimeIdentifier;
        ProbePathInImage = record.ProbePathInImage;
        CheckProtocol = record.Protocol;
        var probed = decision.Definition is not null && decision.ProbeRuntimeIdentifier is not null && Command.Length == 0;
        if (probed && decision.ProtocolFromPackages)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the project references {0} and sets no ContainerHealthCheckPath, so the HEALTHCHECK calls grpc.health.v1.Health/Check (ContainerHealthCheckProtocol=grpc; set it to http to probe a path instead).",
                string.Join(", ", HealthCheckProtocolChoice.GrpcHealthReferences(facts.PackageReferences)));
        }

        if (probed && decision.Port.Pinned && Port.Length == 0)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the app listens on port {0} ({1}), so the HEALTHCHECK probes {2}.", decision.Port.Number, decision.Port.Source, HealthCheckProtocolChoice.Url(decision.Protocol, decision.Port.Number, decision.Path));
        }

        return true;
    }
}
