using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>Compose as docker compose reads it: merge keys, extends, interpolation, overrides, recognition by content.</summary>
[Trait("Tier", "Unit")]
public sealed class ComposeProjectTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-compose-project-");

    [Fact]
    public void Services_built_from_merge_keys_have_their_checks_checked()
    {
        var file = Write(directory, "docker-compose.yml", """
            x-restart-policy: &restart_policy
              restart: unless-stopped
            x-api-defaults: &api_defaults
              <<: *restart_policy
              image: shop-api:latest
              healthcheck:
                test: ["CMD-SHELL", "curl -f http://localhost:8080/healthz"]
                interval: 10s
            services:
              web:
                <<: *api_defaults
              worker:
                <<: [*api_defaults]
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--path", "/healthz"]
            """);

        var diagnostics = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;

        Assert.Equal([(DiagnosticCodes.ShellMissing, 7), (DiagnosticCodes.ProgramMissing, 7)], diagnostics.Select(d => (d.Code, d.Line)));
        Assert.Contains("container 'web'", diagnostics[0].Message);
    }

    [Fact]
    public void Extends_in_the_same_file_and_another_file_brings_the_base_check_reported_where_it_is_written()
    {
        var common = Write(directory, "common.yml", """
            services:
              dotnet:
                healthcheck:
                  test: wget -q --spider http://localhost:8080/healthz
                  interval: 30 s
            """);
        var file = Write(directory, "compose.yaml", """
            services:
              base:
                image: shop-api
                healthcheck:
                  test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"]
              api:
                extends: base
              worker:
                image: shop-api
                extends:
                  file: common.yml
                  service: dotnet
            """);

        var diagnostics = DeploymentLint.Run([file], [BusyboxWithFiles], Settings).Diagnostics;

        var invalid = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidValue, common, 5), (invalid.Code, invalid.File, invalid.Line));
        var chiseled = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;
        Assert.Contains(chiseled, d => d.Code == DiagnosticCodes.ProgramMissing && d.File == file && d.Line == 5);
        Assert.Contains(chiseled, d => d.Code == DiagnosticCodes.ShellMissing && d.File == common && d.Line == 4 && d.Message.Contains("container 'worker'"));
    }

    [Fact]
    public void Interpolation_uses_defaults_and_the_env_file_and_leaves_the_rest_unknown()
    {
        Write(directory, ".env", "REGISTRY=ghcr.io/team\n# comment\nINTERVAL=\"15s\"\n");
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: ${REGISTRY}/shop-api:${TAG:-latest}
                healthcheck:
                  test: ["CMD-SHELL", "wget -q --spider http://localhost:$${PORT:-8080}/healthz || exit 1"]
                  interval: ${INTERVAL}
                  timeout: ${TIMEOUT:-5s}
                  start_period: ${START_PERIOD}
                  retries: ${RETRIES-3}
              other:
                image: ${OTHER_IMAGE}
                healthcheck:
                  test: curl -f http://localhost:8080/
                  interval: ${INTERVAL:-30 seconds}
            """);

        var result = DeploymentLint.Read(file, LintLimits.Default);

        Assert.Equal("ghcr.io/team/shop-api:latest", result.Containers[0].Image);
        Assert.Equal("wget -q --spider http://localhost:${PORT:-8080}/healthz || exit 1", result.Containers[0].Checks[0].Command!.Text);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(DeploymentLint.Run([file], [BusyboxWithFiles], Settings).Diagnostics);
    }

    [Fact]
    public void A_default_that_is_not_a_duration_is_CH1006()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe"]
                  interval: ${INTERVAL:-30 seconds}
            """);

        Assert.Equal(DiagnosticCodes.InvalidValue, Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics).Code);
    }

    [Fact]
    public void The_override_file_beside_is_merged_and_not_linted_on_its_own()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                ports: ["8080:8080"]
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--path", "/healthz"]
                  interval: 30s
            """);
        var overrideFile = Write(directory, "compose.override.yaml", """
            services:
              api:
                ports: ["5005:5005"]
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
            """);

        var diagnostics = DeploymentLint.Run([file, overrideFile], [Chiseled], Settings).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ProgramMissing, overrideFile, 5), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        var container = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Containers);
        Assert.Equal([8080, 5005], container.Ports);
    }

    [Fact]
    public void Files_given_as_one_project_are_merged_in_order()
    {
        var first = Write(directory, "a.yml", "services:\n  api:\n    image: shop-api\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"http://localhost:8080/healthz\"]\n");
        var second = Write(directory, "b.yml", "services:\n  api:\n    healthcheck:\n      test: [\"CMD\", \"/app/healthprobe\"]\n");

        var merged = ComposeFileReader.Read([first, second], null, LintLimits.Default);

        Assert.Equal("/app/healthprobe", Assert.Single(Assert.Single(merged.Containers).Checks).Command!.Program);
    }

    [Fact]
    public void A_compose_file_with_another_name_is_recognised_by_its_services()
    {
        var file = Write(directory, "stack.prod.yml", """
            version: "3.8"
            services:
              api:
                image: shop-api
                healthcheck:
                  test: curl -f http://localhost:8080/healthz
            """);

        Assert.Equal(DeploymentKind.Compose, DeploymentFileDiscovery.Classify(file, File.ReadAllText(file)));
        Assert.Equal(2, DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics.Count);
    }

    public void Dispose() => directory.Dispose();
}
