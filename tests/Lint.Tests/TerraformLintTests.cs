using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>aws_ecs_task_definition container_definitions: jsonencode, heredoc JSON, file()/templatefile() and .json.tpl arrays.</summary>
[Trait("Tier", "Unit")]
public sealed class TerraformLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-tf-");

    [Fact]
    public void Jsonencode_container_definitions_are_read_with_references_unknown()
    {
        var file = Write(directory, "main.tf", """
            locals {
              name = "api"
            }

            resource "aws_ecs_task_definition" "api" {
              family                   = "api"
              requires_compatibilities = ["FARGATE"]
              container_definitions = jsonencode([
                {
                  name      = local.name
                  image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:${var.tag}"
                  essential = true
                  portMappings = [
                    { containerPort = var.port, protocol = "tcp" }
                  ]
                  environment = [{ name = "STAGE", value = var.stage }]
                  healthCheck = {
                    command     = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]
                    interval    = 30
                    timeout     = 5
                    retries     = var.retries # set per stage
                    startPeriod = 0
                  }
                },
                {
                  name  = "xray"
                  image = "amazon/aws-xray-daemon"
                }
              ])
            }
            """);

        var diagnostics = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;

        Assert.Equal([(DiagnosticCodes.ShellMissing, 18), (DiagnosticCodes.ProgramMissing, 18)], diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void A_heredoc_of_json_is_read_at_its_lines()
    {
        var file = Write(directory, "ecs.tf", """
            resource "aws_ecs_task_definition" "api" {
              family = "api"
              container_definitions = <<EOF
            [
              {
                "name": "api",
                "image": "${var.registry}/shop-api:${var.tag}",
                "portMappings": [{ "containerPort": ${var.port} }],
                "healthCheck": { "command": ["CMD", "curl", "-f", "http://localhost:8080/healthz"], "interval": 3 }
              }
            ]
            EOF
            }
            """);

        var diagnostics = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;

        Assert.Equal([(DiagnosticCodes.ProgramMissing, 9), (DiagnosticCodes.InvalidValue, 9)], diagnostics.Select(d => (d.Code, d.Line)).Order());
    }

    [Fact]
    public void File_and_templatefile_read_the_json_beside_the_module_and_report_in_that_file()
    {
        Write(directory, "containers.json.tpl", """
            [
              {
                "name": "api",
                "image": "${image}",
                "portMappings": [{ "containerPort": ${port} }],
                "healthCheck": {
                  "command": ["CMD-SHELL", "wget -q --spider http://localhost:${port}/healthz"],
                  "interval": ${interval}
                }
              }
            ]
            """);
        var tpl = directory.File("containers.json.tpl");
        Write(directory, "static.json", """
            [{ "name": "api", "image": "shop-api:1.0", "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/healthz"] } }]
            """);
        var file = Write(directory, "main.tf", """
            resource "aws_ecs_task_definition" "templated" {
              container_definitions = templatefile("${path.module}/containers.json.tpl", { image = var.image, port = 8080, interval = 30 })
            }

            resource "aws_ecs_task_definition" "static" {
              container_definitions = file("${path.module}/static.json")
            }

            resource "aws_ecs_task_definition" "module" {
              container_definitions = module.container_definition.json_map_encoded_list
            }
            """);

        var result = DeploymentLint.Read(file, LintLimits.Default);
        var lint = DeploymentLint.Run([file], [Chiseled], Settings);

        Assert.Equal(2, result.Containers.Count);
        Assert.Contains(result.Notes, n => n.Contains("aws_ecs_task_definition.module is computed by Terraform"));
        var found = Assert.Single(lint.Diagnostics, d => d.Code == DiagnosticCodes.ProgramMissing);
        Assert.Equal(directory.File("static.json"), found.File);
        Assert.Equal(1, found.Line);

        // The template alone: the image is a placeholder, its port unknown; found by content as a container-definition array.
        Assert.Equal(DeploymentKind.EcsTaskDefinition, DeploymentFileDiscovery.Classify(tpl, File.ReadAllText(tpl)));
        var container = Assert.Single(DeploymentLint.Read(tpl, LintLimits.Default).Containers);
        Assert.True(container.HasUnknownPorts);
        Assert.Empty(DeploymentLint.Read(tpl, LintLimits.Default).Diagnostics);
    }

    [Fact]
    public void An_expression_outside_the_subset_is_a_note_not_an_error()
    {
        var file = Write(directory, "main.tf", """
            resource "aws_ecs_task_definition" "api" {
              container_definitions = jsonencode([for c in var.containers : merge(c, { essential = true })])
            }
            """);

        var result = DeploymentLint.Read(file, LintLimits.Default);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Containers);
        Assert.Single(result.Notes);
    }

    [Fact]
    public void A_template_that_is_json_only_once_rendered_is_a_note()
    {
        var tpl = Write(directory, "containers.json.tpl", """
            [
              {
                "name": "api",
                "image": "shop-api:1.0",
                %{ if enable_healthcheck }
                "healthCheck": { "command": ["CMD", "/app/healthprobe"] },
                %{ endif }
                "essential": true
              }
            ]
            """);

        var result = DeploymentLint.Read(tpl, LintLimits.Default);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("a template that is JSON only once Terraform renders it", Assert.Single(result.Notes));
    }

    [Fact]
    public void Terraform_without_task_definitions_and_json_of_another_kind_are_not_CH1008()
    {
        var variables = Write(directory, "variables.tf", "variable \"cluster_name\" {\n  type    = string\n  default = \"main\"\n}\n");
        var cluster = Write(directory, "cluster.json", """{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { "Cluster": { "Type": "AWS::ECS::Cluster" } } }""");
        var broken = Write(directory, "broken.json", """{ "Resources": { """);

        var result = DeploymentLint.Run([variables, cluster, broken], [Chiseled], Settings);

        Assert.Equal(broken, Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MalformedDeploymentFile).File);
        Assert.Contains(result.Messages, m => m.StartsWith(cluster) && m.Contains("not a deployment file lint reads"));
    }

    public void Dispose() => directory.Dispose();
}
