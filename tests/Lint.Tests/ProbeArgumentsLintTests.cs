using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>A check that runs the probe is read with the probe's own command line: what it refuses is CH1006, what it probes is judged.</summary>
[Trait("Tier", "Unit")]
public sealed class ProbeArgumentsLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-probe-args-");

    [Fact]
    public void The_probes_port_option_is_judged_against_the_apps_port()
    {
        var file = Compose("""["CMD", "/app/healthprobe", "--port", "5000"]""");

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.PortMismatch, diagnostic.Code);
        Assert.Contains("probes port 5000, but the app listens on 8080", diagnostic.Message);
        Assert.Equal("5000", File.ReadAllLines(file)[4].Substring(diagnostic.Column - 1, 4));
    }

    [Fact]
    public void The_probes_port_option_on_the_apps_port_is_clean()
    {
        var file = Compose("""["CMD", "/app/healthprobe", "--port=8080", "--timeout", "4s"]""");

        Assert.Empty(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);
    }

    [Theory]
    [InlineData("""["CMD", "/app/healthprobe", "--url", "http://localhost:8080/healthz"]""", "unknown option '--url'")]
    [InlineData("""["CMD", "/app/healthprobe", "--timeout", "5"]""", "'5' needs a unit")]
    [InlineData("""["CMD", "/app/healthprobe", "--port", "http"]""", "--port 'http' is not a port")]
    [InlineData("""["CMD", "/app/healthprobe", "http://localhost:8080/healthz", "--port", "8080"]""", "both name the port")]
    [InlineData("""["CMD-SHELL", "/app/healthprobe --verbose"]""", "unknown option '--verbose'")]
    [InlineData("""["CMD", "healthprobe", "https://localhost:8443/healthz"]""", "needs TLS")]
    public void Arguments_the_probe_refuses_are_CH1006_with_the_probes_answer(string test, string answer)
    {
        var file = Compose(test);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(answer, diagnostic.Message);
        Assert.Contains("can never pass", diagnostic.Message);
        Assert.Equal(5, diagnostic.Line);
    }

    [Theory]
    [InlineData("""["CMD", "/app/healthprobe", "--port", "$PORT"]""")]
    [InlineData("""["CMD-SHELL", "/app/healthprobe --port $${PORT}"]""")]
    [InlineData("""["CMD-SHELL", "/app/healthprobe --timeout 3s || exit 1"]""")]
    public void Arguments_a_shell_or_compose_fills_in_are_unknown_not_refused(string test)
    {
        var file = Compose(test);

        Assert.Empty(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);
    }

    [Fact]
    public void Without_a_path_the_probe_checks_its_default_path()
    {
        var file = Compose("""["CMD", "/app/healthprobe", "--timeout", "3s"]""");

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings with { CheckPath = "/ready" }).Diagnostics);

        Assert.Equal(DiagnosticCodes.PathMismatch, diagnostic.Code);
        Assert.Contains("probes /healthz", diagnostic.Message);
    }

    [Fact]
    public void A_project_command_that_runs_the_probe_with_an_unknown_option_is_CH1006()
    {
        var diagnostic = Assert.Single(ProjectHealthCheckRules.Check(Chiseled, probeEnabled: true, "CMD;/app/healthprobe;--retries;3", "api.csproj", Settings));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains("unknown option '--retries'", diagnostic.Message);
    }

    public void Dispose() => directory.Dispose();

    private string Compose(string test) => Write(directory, "compose.yaml", $"""
        services:
          api:
            image: shop-api
            healthcheck:
              test: {test}
        """);
}
