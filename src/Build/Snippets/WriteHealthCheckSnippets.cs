using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Snippets;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Snippets;

/// <summary>
/// Side-effecting step: writes the ECS, compose and Kubernetes snippets for the image's check into the output folder
/// (each file atomically) and prints the ECS one, since ECS ignores the image HEALTHCHECK.
/// </summary>
public sealed class WriteHealthCheckSnippets : Task
{
    [Required]
    public string HealthCheck { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    public string CheckPath { get; set; } = HealthCheckDefaults.Path;

    /// <summary>http, grpc or tcp: which native probe the Kubernetes snippet uses.</summary>
    public string CheckProtocol { get; set; } = "http";

    /// <summary>The gRPC service a grpc check asks about, or empty for the server as a whole.</summary>
    public string CheckService { get; set; } = "";

    public int CheckPort { get; set; } = HealthCheckDefaults.Port;

    public string ServiceName { get; set; } = "app";

    public string ProjectFile { get; set; } = "";

    [Output]
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        var definition = ConfigHealthcheck.Parse(HealthCheck);
        var snippets = new[]
        {
            EcsHealthCheckSnippet.Create(definition),
            ComposeHealthCheckSnippet.Create(definition, ServiceName),
            KubernetesProbesSnippet.Create(definition, Enum.TryParse<HealthCheckProtocol>(CheckProtocol, ignoreCase: true, out var protocol) ? protocol : HealthCheckProtocol.Http, CheckPath, CheckPort, CheckService),
        };

        Directory.CreateDirectory(OutputDirectory);
        var files = new List<ITaskItem>();
        foreach (var snippet in snippets)
        {
            foreach (var diagnostic in snippet.Diagnostics)
            {
                Log.Log(diagnostic, ProjectFile);
            }

            var path = Path.GetFullPath(Path.Combine(OutputDirectory, snippet.FileName));
            AtomicFile.WriteAllText(path, snippet.Text);
            files.Add(new TaskItem(path));
        }

        Files = files.ToArray();
        Log.LogMessage(MessageImportance.High,
            "ContainerHealth: ECS ignores the image HEALTHCHECK; put this in the container definition's \"healthCheck\" ({0}):\n{1}",
            files[0].ItemSpec, snippets[0].Text.TrimEnd());
        return !Log.HasLoggedErrors;
    }
}
