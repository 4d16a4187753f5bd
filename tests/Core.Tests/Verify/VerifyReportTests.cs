using ContainerHealth.Diagnostics;
using ContainerHealth.Verify;

namespace ContainerHealth.Core.Tests.Verify;

[Trait("Tier", "Unit")]
public sealed class VerifyReportTests
{
    [Fact]
    public void Healthy_line_ends_with_the_probe_own_answer()
    {
        var outcome = new VerifyOutcome(VerifyVerdict.Healthy, TimeSpan.FromMilliseconds(1940),
            [new HealthLogEntry(1, "unhealthy: connection refused (127.0.0.1:8080)"), new HealthLogEntry(0, "healthy: HTTP 200 from http://localhost:8080/healthz in 2 ms\n")], [], null, null);

        Assert.Equal("ContainerHealth: verified myapp:1.0 healthy in 1.9 s (healthy: HTTP 200 from http://localhost:8080/healthz in 2 ms)", VerifyReport.HealthyLine("myapp:1.0", outcome));
    }

    [Fact]
    public void Not_healthy_is_CH1014_at_the_check_with_the_evidence_apart()
    {
        var outcome = new VerifyOutcome(VerifyVerdict.Unhealthy, TimeSpan.FromSeconds(4),
            [new HealthLogEntry(1, "unhealthy: HTTP 404 from http://localhost:8080/healthz in 3 ms (expected 200-399)")], ["line one", "line two"], null, null);

        var diagnostic = VerifyReport.NotHealthy("myapp:1.0", "ECS healthCheck", outcome, "task.json", 9, 21);
        var details = VerifyReport.Details(outcome);

        Assert.Equal((DiagnosticCodes.VerifyNotHealthy, DiagnosticSeverity.Error, "task.json", 9, 21), (diagnostic.Code, diagnostic.Severity, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("myapp:1.0 stayed unhealthy under its ECS healthCheck (4.0 s); the check said \"unhealthy: HTTP 404", diagnostic.Message);
        Assert.DoesNotContain('\n', diagnostic.Message);
        Assert.Equal(["  health check (exit 1): unhealthy: HTTP 404 from http://localhost:8080/healthz in 3 ms (expected 200-399)", "  container output (last lines):", "    line one", "    line two"], details);
    }
}
