using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// Kubernetes manifests (multi-document, and <c>kind: List</c>): the containers and init containers (native sidecars
/// have probes) of Pods, PodTemplates, workload templates (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job) and
/// CronJobs, with their exec and httpGet liveness, readiness and startup probes, declared ports and volume mounts.
/// Reports CH1006 for probe timings the API server would reject; a timing written as a variable (an envsubst template) is unknown.
/// </summary>
public static class KubernetesManifestReader
{
    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    /// <summary>A value from a ConfigMap, Secret or field reference: known only in the cluster.</summary>
    private const string UnknownValue = "$(valueFrom)";

    /// <summary>Probe fields and the least value the API server accepts for each.</summary>
    private static readonly (string Field, int Minimum)[] Timings =
        [("initialDelaySeconds", 0), ("periodSeconds", 1), ("timeoutSeconds", 1), ("successThreshold", 1), ("failureThreshold", 1), ("terminationGracePeriodSeconds", 1)];

    /// <summary>A cheap pre-filter for discovery: Kubernetes objects with containers, and not a Helm template.</summary>
    public static bool LooksLikeManifest(string text) =>
        text.Contains("apiVersion:", StringComparison.Ordinal) && text.Contains("containers:", StringComparison.Ordinal) && !text.Contains("{{", StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, string text, LintLimits limits)
    {
        var (documents, error) = YamlDocuments.Load(file, text, limits);
        if (error is not null)
        {
            return error;
        }

        var containers = new List<DeploymentContainer>();
        var diagnostics = new List<Diagnostic>();
        foreach (var document in documents)
        {
            var root = document.RootNode;
            var objects = root.Get("kind").Text() == "List" ? root.Get("items").Items() : [root];
            foreach (var podSpec in objects.Select(PodSpec))
            {
                foreach (var container in podSpec.Get("initContainers").Items().Concat(podSpec.Get("containers").Items()))
                {
                    containers.Add(ReadContainer(file, container, diagnostics));
                }
            }
        }

        return new DeploymentFileResult(containers, diagnostics);
    }

    private static YamlNode? PodSpec(YamlNode item) => item.Get("kind").Text() switch
    {
        "Pod" => item.Get("spec"),
        "PodTemplate" => item.Get("template").Get("spec"),
        "CronJob" => item.Get("spec").Get("jobTemplate").Get("spec").Get("template").Get("spec"),
        _ => item.Get("spec").Get("template").Get("spec"),
    };

    private static DeploymentContainer ReadContainer(string file, YamlNode container, List<Diagnostic> diagnostics)
    {
        var ports = container.Get("ports").Items().ToList();
        var named = ports
            .Where(p => p.Get("name").Text() is not null && HealthCheckPort.TryParse(p.Get("containerPort").Text() ?? "", out _))
            .GroupBy(p => p.Get("name").Text()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => int.Parse(g.First().Get("containerPort").Text()!, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new DeploymentContainer(
            file,
            container.Get("name").Text() ?? "",
            container.Get("image").Text(),
            container.Get("env").Items()
                .Where(e => e.Get("name").Text() is not null)
                .GroupBy(e => e.Get("name").Text()!)
                .ToDictionary(g => g.Key, g => g.Last().Get("valueFrom") is null ? g.Last().Get("value").Text() ?? "" : UnknownValue),
            ports.Select(p => HealthCheckPort.TryParse(p.Get("containerPort").Text() ?? "", out var port) ? port : 0).Where(p => p > 0).ToList(),
            ReadProbes(file, container, named, diagnostics).ToList())
        {
            ImagePosition = (container.Get("image") ?? container).Position(),
            HasUnknownPorts = ports.Any(p => !HealthCheckPort.TryParse(p.Get("containerPort").Text() ?? "", out _)),
            MountPaths = container.Get("volumeMounts").Items().Select(m => m.Get("mountPath").Text()).OfType<string>().ToList(),
        };
    }

    private static IEnumerable<DeploymentCheck> ReadProbes(string file, YamlNode container, Dictionary<string, int> namedPorts, List<Diagnostic> diagnostics)
    {
        foreach (var name in Probes)
        {
            var probe = container.Get(name);
            if (probe is null)
            {
                continue;
            }

            CheckTimings(file, name, probe, diagnostics);
            if (probe.Get("exec").Get("command") is YamlSequenceNode command)
            {
                var check = CheckCommand.FromExec(command.Children.Select(c => c.Text() ?? "").ToList());
                yield return new DeploymentCheck(name + " exec", command.Line(), command.Column(), check)
                {
                    PortPosition = PortLocator.Find(check, command.Children.Select(c => c.AsElement())),
                    // The kubelet execs the command in the container, as Docker runs an exec-form check.
                    Run = new CheckRunSettings(
                        ["CMD", .. command.Children.Select(c => c.Text() ?? "")],
                        DockerDuration.FromSeconds(int.TryParse(probe.Get("timeoutSeconds").Text(), out var timeout) && timeout > 0 ? timeout : 1),
                        int.TryParse(probe.Get("failureThreshold").Text(), out var failures) && failures > 0 ? failures : 3),
                };
            }
            else if (probe.Get("httpGet") is YamlMappingNode httpGet)
            {
                var port = httpGet.Get("port");
                yield return new DeploymentCheck(
                    name + " httpGet", httpGet.Line(), httpGet.Column(), null, httpGet.Get("path").Text() ?? "/", Port(port, namedPorts))
                {
                    PortPosition = port?.Position(),
                };
            }
            else if ((probe.Get("tcpSocket") ?? probe.Get("grpc")) is YamlMappingNode socket)
            {
                // No program and no path, but a port the app must listen on.
                var kind = probe.Get("tcpSocket") is null ? "grpc" : "tcpSocket";
                var port = socket.Get("port");
                yield return new DeploymentCheck(name + " " + kind, socket.Line(), socket.Column(), null, HttpPort: Port(port, namedPorts))
                {
                    PortPosition = port?.Position(),
                };
            }
        }
    }

    /// <summary>A port by number or by the name of a declared containerPort; null when neither.</summary>
    private static int? Port(YamlNode? port, Dictionary<string, int> namedPorts)
    {
        var number = port.Text() is { } text ? HealthCheckPort.TryParse(text, out var literal) ? literal : namedPorts.GetValueOrDefault(text) : 0;
        return number > 0 ? number : null;
    }

    private static void CheckTimings(string file, string probeName, YamlNode probe, List<Diagnostic> diagnostics)
    {
        foreach (var (field, minimum) in Timings)
        {
            // envsubst and friends fill "${LIVENESS_INITIAL_DELAY:-5}" in before kubectl sees the file: unknown, not malformed.
            if (probe.Get(field) is YamlScalarNode value && !(value.Value ?? "").Contains('$', StringComparison.Ordinal)
                && !(int.TryParse(value.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= minimum))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error,
                    $"{probeName}.{field} is '{value.Value}'; Kubernetes accepts a whole number of {minimum} or more and would reject this manifest. Set {field} to {minimum} or more.",
                    file, value.Line(), value.Column()));
            }
        }

        if (probeName != "readinessProbe" && probe.Get("successThreshold") is YamlScalarNode success && success.Value != "1"
            && int.TryParse(success.Value, out var threshold) && threshold >= 1)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error,
                $"{probeName}.successThreshold is {threshold}; Kubernetes requires 1 for liveness and startup probes and would reject this manifest. Set it to 1 or remove it.",
                file, success.Line(), success.Column()));
        }
    }
}
