using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// Kubernetes manifests (multi-document): the containers of Pods, workload templates (Deployment, StatefulSet, DaemonSet,
/// ReplicaSet, Job) and CronJobs, with their exec, httpGet and grpc liveness, readiness and startup probes.
/// </summary>
public static class KubernetesManifestReader
{
    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    /// <summary>A cheap pre-filter for discovery: Kubernetes objects with containers, and not a Helm template.</summary>
    public static bool LooksLikeManifest(string text) =>
        text.Contains("apiVersion:", StringComparison.Ordinal) && text.Contains("containers:", StringComparison.Ordinal) && !text.Contains("{{", StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, string text)
    {
        var (documents, error) = YamlDocuments.Load(file, text);
        if (error is not null)
        {
            return error;
        }

        var containers = new List<DeploymentContainer>();
        foreach (var document in documents)
        {
            var root = document.RootNode;
            var podSpec = root.Get("kind").Text() switch
            {
                "Pod" => root.Get("spec"),
                "CronJob" => root.Get("spec").Get("jobTemplate").Get("spec").Get("template").Get("spec"),
                _ => root.Get("spec").Get("template").Get("spec"),
            };
            foreach (var container in podSpec.Get("containers").Items())
            {
                containers.Add(new DeploymentContainer(
                    file,
                    DeploymentKind.Kubernetes,
                    container.Get("name").Text() ?? "",
                    container.Get("image").Text(),
                    container.Get("env").Items()
                        .Where(e => e.Get("name").Text() is not null)
                        .GroupBy(e => e.Get("name").Text()!)
                        .ToDictionary(g => g.Key, g => g.Last().Get("value").Text() ?? ""),
                    container.Get("ports").Items()
                        .Select(p => int.TryParse(p.Get("containerPort").Text(), out var port) ? port : 0)
                        .Where(p => p > 0)
                        .ToList(),
                    ReadProbes(container).ToList()));
            }
        }

        return new DeploymentFileResult(containers, []);
    }

    private static IEnumerable<DeploymentCheck> ReadProbes(YamlNode container)
    {
        foreach (var name in Probes)
        {
            var probe = container.Get(name);
            if (probe.Get("exec").Get("command") is YamlSequenceNode command)
            {
                yield return new DeploymentCheck(
                    name + " exec", command.Line(), command.Column(), CheckCommand.FromExec(command.Children.Select(c => c.Text() ?? "").ToList()));
            }
            else if (probe.Get("httpGet") is YamlMappingNode httpGet)
            {
                yield return new DeploymentCheck(
                    name + " httpGet",
                    httpGet.Line(),
                    httpGet.Column(),
                    null,
                    httpGet.Get("path").Text() ?? "/",
                    int.TryParse(httpGet.Get("port").Text(), out var port) ? port : null);
            }
            else if (probe.Get("grpc") is YamlMappingNode grpc)
            {
                // A port to check against the app's, and no path.
                yield return new DeploymentCheck(
                    name + " grpc", grpc.Line(), grpc.Column(), null, null, int.TryParse(grpc.Get("port").Text(), out var port) ? port : null);
            }
        }
    }
}
