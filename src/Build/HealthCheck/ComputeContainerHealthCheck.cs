using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Inspection;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// Compute step (no side effects): validates the ContainerHealth* properties against the SDK's container facts and
/// decides which probe to copy and which HEALTHCHECK to write.
/// </summary>
public sealed class ComputeContainerHealthCheck : Task
{
    public string ProjectFile { get; set; } = "";

    public string Probe { get; set; } = "";

    public string Path { get; set; } = "";

    /// <summary>Whether the project set ContainerHealthCheckPath itself, before the targets filled in the default.</summary>
    public bool PathSetByProject { get; set; }

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

    [Output]
    public string CheckPath { get; set; } = "";

    [Output]
    public int CheckPort { get; set; }

    /// <summary>http, grpc or tcp.</summary>
    [Output]
    public string CheckProtocol { get; set; } = "";

    /// <summary>The gRPC service a grpc check asks about, or empty.</summary>
    [Output]
    public string CheckService { get; set; } = "";

    public override bool Execute()
    {
        var decision = HealthCheckPlanner.Decide(
            new HealthCheckSettings
            {
                Probe = Probe,
                Path = Path,
                PathSetByProject = PathSetByProject,
                Protocol = Protocol,
                Service = Service,
                Port = Port,
                Interval = Interval,
                Timeout = Timeout,
                StartPeriod = StartPeriod,
                StartInterval = StartInterval,
                Retries = Retries,
                Command = Command,
            },
            new ContainerFacts
            {
                RuntimeIdentifier = ContainerRuntimeIdentifier,
                WorkingDirectory = ContainerWorkingDirectory,
                EnvironmentVariables = ContainerEnvironmentVariables.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Value"))).ToArray(),
                Ports = ContainerPorts.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Type"))).ToArray(),
                ProbeRuntimeIdentifiers = ProbeRuntimeIdentifiers.Select(i => i.ItemSpec).ToArray(),
                ProjectDirectory = ProjectDirectory,
                PackageReferences = PackageReferences.Select(i => i.ItemSpec).ToArray(),
                BaseImageEnvironment = BaseImageFactsFile.Length > 0 && FactsFileWriter.Read(BaseImageFactsFile) is { } facts ? facts.Environment : [],
            });

        foreach (var diagnostic in decision.Diagnostics)
        {
            Log.Log(diagnostic, ProjectFile);
        }

        HealthCheck = decision.Definition is null ? "" : ConfigHealthcheck.ToJson(decision.Definition).ToJsonString();
        ProbeRuntimeIdentifier = decision.ProbeRuntimeIdentifier ?? "";
        ProbePathInImage = decision.ProbePathInImage;
        CheckPath = decision.Path;
        CheckPort = decision.Port.Number;
        CheckProtocol = HealthCheckProtocolChoice.Name(decision.Protocol);
        CheckService = decision.Service;
        var probed = decision.Definition is not null && decision.ProbeRuntimeIdentifier is not null && Command.Length == 0;
        if (probed && decision.ProtocolFromPackages)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the project references {0} and sets no ContainerHealthCheckPath, so the HEALTHCHECK calls grpc.health.v1.Health/Check (ContainerHealthCheckProtocol=grpc; set it to http to probe a path instead).",
                string.Join(", ", PackageReferences.Select(i => i.ItemSpec).Where(p => HealthCheckProtocolChoice.GrpcHealthPackages.Contains(p, StringComparer.OrdinalIgnoreCase))));
        }

        if (probed && decision.Port.Pinned && Port.Length == 0)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the app listens on port {0} ({1}), so the HEALTHCHECK probes {2}.", decision.Port.Number, decision.Port.Source, HealthCheckProtocolChoice.Url(decision.Protocol, decision.Port.Number, decision.Path));
        }

        return !Log.HasLoggedErrors;
    }
}
