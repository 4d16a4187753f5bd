using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
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
    /// <summary>This RID's decision record: the HEALTHCHECK, and the protocol, path, port, service and Host header the
    /// Kubernetes probes ask for.</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    public string ServiceName { get; set; } = "app";

    public string ProjectFile { get; set; } = "";

    [Output]
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        if (HealthCheckDecisionFile.Read(DecisionFile) is not { } record || record.Definition() is not { } definition)
        {
            Log.LogMessage(MessageImportance.Low, "ContainerHealth: no HEALTHCHECK was decided in this publish ({0}); no snippets written.", DecisionFile);
            return true;
        }

        var snippets = new[]
        {
            EcsHealthCheckSnippet.Create(definition),
            ComposeHealthCheckSnippet.Create(definition, ServiceName),
            KubernetesProbesSnippet.Create(
                definition,
                record.ProbeProtocol,
                record.Path,
                record.Port,
                record.Service,
                record.HostHeader,
                ProbePathChoice.ReadinessPath(record)),
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
