using System.Text;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Snippets;

/// <summary>
/// Liveness and readiness probes for the container spec. Kubernetes ignores the image HEALTHCHECK and can make the HTTP
/// request itself, so these use httpGet and need no binary in the image.
/// </summary>
public static class KubernetesProbesSnippet
{
    public const string FileName = "k8s-probes.yaml";

    public static SnippetResult Create(HealthCheckDefinition definition, string path, int port)
    {
        var text = new StringBuilder();
        text.AppendLine("# Container spec fragment: Kubernetes ignores the image HEALTHCHECK and probes the endpoint itself.");
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            text.AppendLine($"{probe}:")
                .AppendLine("  httpGet:")
                .AppendLine($"    path: {YamlScalar.Quote(path)}")
                .AppendLine($"    port: {port}");
            if (!definition.StartPeriod.IsZero)
            {
                text.AppendLine($"  initialDelaySeconds: {WholeSeconds(definition.StartPeriod, 0)}");
            }

            text.AppendLine($"  periodSeconds: {WholeSeconds(definition.Interval, 1)}")
                .AppendLine($"  timeoutSeconds: {WholeSeconds(definition.Timeout, 1)}")
                .AppendLine($"  failureThreshold: {Math.Max(1, definition.Retries)}");
        }

        return new SnippetResult(FileName, text.ToString(), []);
    }

    private static long WholeSeconds(DockerDuration duration, long minimum) =>
        Math.Max(minimum, (long)Math.Ceiling(duration.Nanoseconds / 1e9));
}
