using ContainerHealth.HealthCheck;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// The ContainerHealth* properties and container items a decision reads, as task parameters, turned into the planner's
/// inputs in one place: the PublishContainer decision and the Dockerfile-build decision take the same inputs.
/// </summary>
public abstract class HealthCheckDecisionTask : Task
{
    public string ProjectFile { get; set; } = "";

    public string Probe { get; set; } = "";

    /// <summary>ContainerHealthCheckPath as the project set it; empty: the app's mapped health endpoints decide.</summary>
    public string Path { get; set; } = "";

    /// <summary>The built app assembly (@(IntermediateAssembly)), where the analyzers record the health endpoints the app maps.</summary>
    public string AppAssembly { get; set; } = "";

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

    /// <summary>Where appsettings.json and appsettings.Production.json are (they can decide the app's port and Host header).</summary>
    public string ProjectDirectory { get; set; } = "";

    public string ContainerWorkingDirectory { get; set; } = "";

    /// <summary>ContainerEnvironmentVariable items (Value metadata).</summary>
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];

    /// <summary>ContainerPort items (Type metadata).</summary>
    public ITaskItem[] ContainerPorts { get; set; } = [];

    /// <summary>One item per runtime identifier the package ships a probe for.</summary>
    public ITaskItem[] ProbeRuntimeIdentifiers { get; set; } = [];

    protected HealthCheckSettings Settings() => new()
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

    protected ContainerFacts Facts(string runtimeIdentifier, IReadOnlyList<string> baseImageEnvironment) => new()
    {
        RuntimeIdentifier = runtimeIdentifier,
        WorkingDirectory = ContainerWorkingDirectory,
        EnvironmentVariables = ContainerEnvironmentVariables.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Value"))).ToArray(),
        Ports = ContainerPorts.Select(i => KeyValuePair.Create(i.ItemSpec, i.GetMetadata("Type"))).ToArray(),
        ProbeRuntimeIdentifiers = ProbeRuntimeIdentifiers.Select(i => i.ItemSpec).ToArray(),
        ProjectDirectory = ProjectDirectory,
        PackageReferences = PackageReferences.Select(i => i.ItemSpec).ToArray(),
        AppAssembly = AppAssembly,
        BaseImageEnvironment = baseImageEnvironment,
    };
}
