using System.Globalization;
using System.Text;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Snippets;

/// <summary>
/// Liveness and readiness probes for the container spec. Kubernetes ignores the image HEALTHCHECK and can make the check
/// itself (httpGet, its native grpc probe, tcpSocket: <see cref="KubernetesProbeAction"/>), so these need no binary in the image. The start period becomes a startup probe every
/// start interval, Kubernetes' form of Docker's start interval: ready as soon as the app answers, and liveness only after.
/// </summary>
public static class KubernetesProbesSnippet
{
    public const string FileName = "k8s-probes.yaml";

    /// <param name="readinessPath">The path the readiness probe asks when it differs from the liveness one (Aspire's <c>/health</c>
    /// next to <c>/alive</c>: a dependency that is down takes the pod out of the load balancer instead of restarting it), or null.</param>
    public static SnippetResult Create(HealthCheckDefinition definition, HealthCheckProtocol protocol, string path, int port, string service = "", string hostHeader = "", string? readinessPath = null)
    {
        var text = new StringBuilder();
        text.AppendLine("# Container spec fragment: Kubernetes ignores the image HEALTHCHECK and probes the endpoint itself.");
        if (!definition.StartPeriod.IsZero)
        {
            var period = WholeSeconds(definition.StartInterval.IsZero ? definition.Interval : definition.StartInterval, 1);
            AppendProbe(text, "startupProbe", KubernetesProbeAction.Lines(protocol, path, port, service, hostHeader), period, definition.Timeout, Math.Max(1, (long)Math.Ceiling(WholeSeconds(definition.StartPeriod, 1) / (double)period)));
        }

        foreach (var (probe, probePath) in new[] { ("livenessProbe", path), ("readinessProbe", readinessPath ?? path) })
        {
            AppendProbe(text, probe, KubernetesProbeAction.Lines(protocol, probePath, port, service, hostHeader), WholeSeconds(definition.Interval, 1), definition.Timeout, Math.Max(1, definition.Retries));
        }

        return new SnippetResult(FileName, text.ToString(), []);
    }

    private static void AppendProbe(StringBuilder text, string probe, IReadOnlyList<string> action, long periodSeconds, DockerDuration timeout, long failureThreshold)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{probe}:");
        foreach (var line in action)
        {
            text.AppendLine(line);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  periodSeconds: {periodSeconds}")
            .AppendLine(CultureInfo.InvariantCulture, $"  timeoutSeconds: {WholeSeconds(timeout, 1)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  failureThreshold: {failureThreshold}");
    }

    private static long WholeSeconds(DockerDuration duration, long minimum) =>
        Math.Max(minimum, (long)Math.Ceiling(duration.Nanoseconds / 1e9));
}
