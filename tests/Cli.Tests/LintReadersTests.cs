using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Cli.Tests;

/// <summary>The installed tool reads the files teams keep their ECS definitions in, and compose projects as docker compose does.</summary>
[Trait("Tier", "Engine")]
public sealed class LintReadersTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task CloudFormation_and_Terraform_definitions_are_checked_and_a_helm_template_is_a_note()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("service.yaml"), """
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: api
                      Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop-api:latest"
                      HealthCheck:
                        Command: ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]
            """);
        File.WriteAllText(directory.File("main.tf"), """
            resource "aws_ecs_task_definition" "api" {
              family = "api"
              container_definitions = jsonencode([{
                name        = "api"
                image       = "${var.registry}/shop-api:${var.tag}"
                healthCheck = { command = ["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"] }
              }])
            }
            """);
        Directory.CreateDirectory(directory.File("chart/templates"));
        File.WriteAllText(directory.File("chart/Chart.yaml"), "apiVersion: v2\nname: api\nversion: 0.1.0\n");
        File.WriteAllText(directory.File("chart/templates/deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");

        var run = await CliRun.RunAsync(["lint", "service.yaml", "main.tf", "chart/templates/deployment.yaml", "--image", image.Reference], directory.Path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^service\.yaml:9:\d+: error CH1001: ", lines[0]);
        Assert.Matches(@"^service\.yaml:9:\d+: error CH1002: .*'curl'", lines[1]);
        Assert.Matches(@"^main\.tf:6:\d+: error CH1002: .*'wget'", lines[2]);
        Assert.Contains("chart/templates/deployment.yaml: a Helm template, not YAML until rendered; render it with `helm template` and lint the output", run.StandardError);
    }

    [Fact]
    public async Task Compose_files_given_with_f_are_merged_in_order()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), $$"""
            services:
              api:
                image: {{image.Reference}}
                healthcheck:
                  test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"]
            """);
        File.WriteAllText(directory.File("compose.prod.yaml"), """
            services:
              api:
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
            """);

        var alone = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);
        var merged = await CliRun.RunAsync(["lint", "-f", "compose.yaml", "-f", "compose.prod.yaml"], directory.Path);

        Assert.Equal(0, alone.ExitCode);
        Assert.Equal(1, merged.ExitCode);
        Assert.Matches(@"^compose\.prod\.yaml:4:\d+: error CH1002: .*'curl'", merged.StandardOutput.Trim());
    }
}
