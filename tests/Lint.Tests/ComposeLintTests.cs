using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

[Trait("Tier", "Unit")]
public sealed class ComposeLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-compose-");

    [Fact]
    public void The_string_form_needs_a_shell_CH1001_and_its_program_CH1002_only_for_the_service_running_this_image()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              db:
                image: postgres:16
                healthcheck:
                  test: pg_isready -U postgres
              api:
                image: registry.example.com/team/shop-api:${TAG:-latest}
                environment:
                  - ASPNETCORE_HTTP_PORTS=8080
                healthcheck:
                  test: curl -f http://localhost:8080/healthz
                  interval: 30s
            """);

        var diagnostics = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;

        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal((11, 13), (d.Line, d.Column)));
        var diagnostic = diagnostics[0];
        Assert.Contains("container 'api'", diagnostic.Message);
    }

    [Fact]
    public void The_list_form_with_the_probe_is_fine_and_a_list_form_curl_is_CH1002()
    {
        var probe = Write(directory, "docker-compose.yml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--path", "/healthz"]
            """);
        var curl = Write(directory, "sub/docker-compose.override.yml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
            """);

        Assert.Empty(DeploymentLint.Run([probe], [Chiseled], Settings).Diagnostics);
        Assert.Equal(DiagnosticCodes.ProgramMissing, Assert.Single(DeploymentLint.Run([curl], [Chiseled], Settings).Diagnostics).Code);
    }

    [Fact]
    public void A_malformed_duration_is_CH1006_and_a_valid_one_is_not()
    {
        var bad = Write(directory, "compose.yml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe"]
                  interval: 30 seconds
                  retries: three
            """);
        var good = Write(directory, "ok/compose.yml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe"]
                  interval: 1m30s
                  retries: 3
            """);

        var found = DeploymentLint.Run([bad], [Chiseled], Settings).Diagnostics;

        Assert.Equal(2, found.Count(d => d.Code == DiagnosticCodes.InvalidValue));
        Assert.Contains(found, d => d.Line == 6 && d.Column == 17);
        Assert.Empty(DeploymentLint.Run([good], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void Malformed_yaml_is_CH1008_with_its_position()
    {
        var file = Write(directory, "compose.yaml", "services:\n  api:\n    image: shop-api\n   healthcheck: [\n");

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Line >= 3, diagnostic.ToString());
    }

    public void Dispose() => directory.Dispose();
}
