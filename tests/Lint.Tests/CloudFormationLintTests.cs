using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>The containers of every AWS::ECS::TaskDefinition in a CloudFormation template, YAML with short-form tags or JSON.</summary>
[Trait("Tier", "Unit")]
public sealed class CloudFormationLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-cfn-");

    [Fact]
    public void A_yaml_template_with_short_form_tags_is_read_and_its_curl_check_is_CH1001_and_CH1002()
    {
        var file = Write(directory, "service.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              ImageTag:
                Type: String
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
              TaskDefinition:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Family: !Sub "${AWS::StackName}-api"
                  ExecutionRoleArn: !GetAtt ExecutionRole.Arn
                  ContainerDefinitions:
                    - Name: api
                      Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop-api:${ImageTag}"
                      PortMappings:
                        - ContainerPort: 8080
                      Environment:
                        - Name: STAGE
                          Value: !Ref Stage
                      HealthCheck:
                        Command: ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]
                        Interval: 30
                        Timeout: 5
                        Retries: 3
                    - Name: log-router
                      Image: !Ref LogRouterImage
            """);

        var diagnostics = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics;

        Assert.Equal([(DiagnosticCodes.ShellMissing, 22), (DiagnosticCodes.ProgramMissing, 22)], diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void A_json_template_is_read_with_its_functions_unknown_and_out_of_range_values_CH1006()
    {
        var file = Write(directory, "service.template.json", """
            {
              "Resources": {
                "TaskDefinition": {
                  "Type": "AWS::ECS::TaskDefinition",
                  "Properties": {
                    "ContainerDefinitions": [
                      {
                        "Name": "api",
                        "Image": { "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop-api:latest" },
                        "PortMappings": [{ "ContainerPort": { "Ref": "ContainerPort" } }],
                        "HealthCheck": {
                          "Command": ["CMD", "/app/healthprobe", "--path", "/healthz"],
                          "Interval": { "Ref": "HealthCheckInterval" },
                          "Retries": 20
                        }
                      }
                    ]
                  }
                }
              }
            }
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);

        Assert.Equal((DiagnosticCodes.InvalidValue, 14), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("healthCheck.retries is 20", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_command_without_CMD_is_CH1006_in_cloudformation_too()
    {
        var file = Write(directory, "ecs.yml", """
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: api
                      Image: shop-api:1.0
                      HealthCheck:
                        Command: [/app/healthprobe, --path, /healthz]
            """);

        Assert.Equal(DiagnosticCodes.InvalidValue, Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics).Code);
    }

    public void Dispose() => directory.Dispose();
}
