using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

[Trait("Tier", "Unit")]
public sealed class EcsLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-ecs-");

    [Fact]
    public void A_curl_shell_check_on_a_chiseled_image_is_CH1001_and_CH1002_at_the_command()
    {
        var file = Write(directory, "taskdef.json", """
            {
              "family": "shop",
              "containerDefinitions": [
                { "name": "sidecar", "image": "envoyproxy/envoy:v1", "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:9901/ready || exit 1"] } },
                {
                  "name": "api",
                  "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:1.4.2",
                  "healthCheck": {
                    "command": ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"],
                    "interval": 30
                  }
                }
              ]
            }
            """);

        var result = DeploymentLint.Run([file], [Chiseled], Settings);

        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal((file, 9, 20), (d.File, d.Line, d.Column)));
        var diagnostic = result.Diagnostics[0];
        Assert.Contains("container 'api'", diagnostic.Message);
        Assert.Contains("/app/healthprobe", diagnostic.Message);
    }

    [Fact]
    public void The_probe_in_exec_form_passes_on_a_chiseled_image()
    {
        var file = Write(directory, "taskdef.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api:1",
              "healthCheck": { "command": ["CMD", "/app/healthprobe", "--path", "/healthz"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 10 } } ] }
            """);

        var result = DeploymentLint.Run([file], [Chiseled], Settings);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.MatchedContainers);
    }

    [Fact]
    public void An_exec_curl_is_CH1002_and_a_busybox_wget_is_fine()
    {
        var curl = Write(directory, "curl.json", """
            { "taskDefinition": { "containerDefinitions": [ { "name": "api", "image": "shop-api",
              "healthCheck": { "command": ["CMD", "curl", "-f", "http://localhost:8080/healthz"] } } ] } }
            """);
        var wget = Write(directory, "wget.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api",
              "healthCheck": { "command": ["CMD-SHELL", "wget -qO- http://localhost:8080/healthz || exit 1"] } } ] }
            """);

        Assert.Equal(DiagnosticCodes.ProgramMissing, Assert.Single(DeploymentLint.Run([curl], [Chiseled], Settings).Diagnostics).Code);
        Assert.Empty(DeploymentLint.Run([wget], [Busybox], Settings).Diagnostics);
    }

    [Fact]
    public void Values_outside_ECS_ranges_are_CH1006_errors_at_the_value_and_the_edges_are_fine()
    {
        var bad = Write(directory, "bad.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api",
              "healthCheck": { "command": ["CMD", "/app/healthprobe"], "interval": 4, "timeout": 121, "retries": 0, "startPeriod": "10" } } ] }
            """);
        var edges = Write(directory, "edges.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api",
              "healthCheck": { "command": ["CMD", "/app/healthprobe"], "interval": 5, "timeout": 120, "retries": 10, "startPeriod": 0 } } ] }
            """);

        var found = DeploymentLint.Run([bad], [Chiseled], Settings).Diagnostics;

        Assert.Equal(4, found.Count(d => d.Code == DiagnosticCodes.InvalidValue && d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(found, d => d.Message.Contains("healthCheck.interval is 4") && d.Line == 2 && d.Column == 72);
        Assert.Empty(DeploymentLint.Run([edges], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void Malformed_json_is_CH1008_with_its_position()
    {
        var file = Write(directory, "broken.json", "{\n  \"containerDefinitions\": [\n    { \"name\": \"api\" \"image\": \"shop-api\" }\n  ]\n}\n");

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Line);
        Assert.True(diagnostic.Column > 1);
    }

    [Fact]
    public void Port_and_path_mismatches_are_CH1004_and_CH1009_unless_the_file_moves_the_app()
    {
        var mismatched = Write(directory, "mismatch.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api",
              "healthCheck": { "command": ["CMD", "/app/healthprobe", "--port", "5000", "--path", "/health"] } } ] }
            """);
        var moved = Write(directory, "moved.json", """
            { "containerDefinitions": [ { "name": "api", "image": "shop-api", "environment": [ { "name": "ASPNETCORE_HTTP_PORTS", "value": "5000" } ],
              "healthCheck": { "command": ["CMD", "/app/healthprobe", "--port", "5000", "--path", "/healthz"] } } ] }
            """);

        var codes = DeploymentLint.Run([mismatched], [Chiseled], Settings).Diagnostics.Select(d => d.Code).Order();

        Assert.Equal([DiagnosticCodes.PortMismatch, DiagnosticCodes.PathMismatch], codes);
        Assert.Empty(DeploymentLint.Run([moved], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void No_container_running_this_image_means_nothing_is_linted_and_one_note()
    {
        var file = Write(directory, "other.json", """
            { "containerDefinitions": [ { "name": "web", "image": "nginx", "healthCheck": { "command": ["CMD-SHELL", "curl localhost"] } } ] }
            """);

        var result = DeploymentLint.Run([file], [Chiseled], Settings);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("shop-api", Assert.Single(result.Messages));
    }

    public void Dispose() => directory.Dispose();
}
