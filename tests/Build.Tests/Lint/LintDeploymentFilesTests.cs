using ContainerHealth.Build.Lint;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Tests.Lint;

[Trait("Tier", "Unit")]
public sealed class LintDeploymentFilesTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-task-");

    [Fact]
    public void Every_finding_carries_its_code_help_link_and_place()
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n  api:\n    image: shop-api:1\n    healthcheck:\n      test: curl -f http://localhost:8080/healthz\n");
        var engine = new RecordingBuildEngine();

        var ok = Task(engine, [new TaskItem(compose)], FactsFile(hasShell: false)).Execute();

        Assert.True(ok);
        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], engine.Warnings.Select(w => w.Code));
        var warning = engine.Warnings[0];
        Assert.Equal(DiagnosticCodes.HelpLink(DiagnosticCodes.ShellMissing), warning.HelpLink);
        Assert.Equal((compose, 5, 13), (warning.File, warning.LineNumber, warning.ColumnNumber));
    }

    [Fact]
    public void The_same_file_on_an_image_with_a_shell_and_curl_is_clean()
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n  api:\n    image: shop-api:1\n    healthcheck:\n      test: curl -f http://localhost:8080/healthz\n");
        var engine = new RecordingBuildEngine();

        Assert.True(Task(engine, [new TaskItem(compose)], FactsFile(hasShell: true)).Execute());

        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_malformed_or_missing_manifest_is_an_error_that_fails_the_task()
    {
        var broken = directory.File("taskdef.json");
        File.WriteAllText(broken, "{ \"containerDefinitions\": [ { \"name\": \"api\", } ");
        var engine = new RecordingBuildEngine();

        var ok = Task(engine, [new TaskItem(broken), new TaskItem(directory.File("absent.json"))], FactsFile(hasShell: false)).Execute();

        Assert.False(ok);
        Assert.Equal(2, engine.Errors.Count(e => e.Code == DiagnosticCodes.MalformedDeploymentFile));
        Assert.Contains(engine.Errors, e => e.File == broken && e.LineNumber == 1);
    }

    [Fact]
    public void The_build_reads_cloudformation_and_terraform_with_the_same_readers_as_the_cli()
    {
        var template = directory.File("service.yaml");
        File.WriteAllText(template, """
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: api
                      Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/shop-api:latest"
                      PortMappings: [{ ContainerPort: 8080 }]
                      HealthCheck:
                        Command: ["CMD-SHELL", "curl -f http://localhost:8080/healthz"]
            """);
        var terraform = directory.File("ecs.tf");
        File.WriteAllText(terraform, """
            resource "aws_ecs_task_definition" "api" {
              container_definitions = jsonencode([{ name = "api", image = "shop-api:${var.tag}", healthCheck = { command = ["CMD", "curl", "http://localhost:8080/healthz"], interval = 1 } }])
            }
            """);
        var engine = new RecordingBuildEngine();

        var ok = Task(engine, [new TaskItem(template), new TaskItem(terraform)], FactsFile(hasShell: false)).Execute();

        Assert.False(ok);
        Assert.Equal(
            [(template, DiagnosticCodes.ShellMissing, 10), (template, DiagnosticCodes.ProgramMissing, 10), (terraform, DiagnosticCodes.ProgramMissing, 2)],
            engine.Warnings.Select(w => (w.File, w.Code, w.LineNumber)));
        Assert.Equal((terraform, DiagnosticCodes.InvalidValue, 2), Assert.Single(engine.Errors.Select(e => (e.File, e.Code, e.LineNumber))));
    }

    [Fact]
    public void The_size_limit_is_a_property_and_a_bad_value_is_CH1006()
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n" + new string('#', 2 * 1024 * 1024) + "\n");
        var small = new RecordingBuildEngine();
        var bad = new RecordingBuildEngine();

        var task = Task(small, [new TaskItem(compose)], FactsFile(hasShell: true));
        task.MaxFileSize = "1";
        Assert.False(task.Execute());
        var invalid = Task(bad, [new TaskItem(compose)], FactsFile(hasShell: true));
        invalid.MaxFileSize = "lots";
        Assert.False(invalid.Execute());

        Assert.Contains("over the 1 MiB limit", Assert.Single(small.Errors, e => e.Code == DiagnosticCodes.MalformedDeploymentFile).Message);
        Assert.Contains("ContainerHealthLintMaxFileSize is 'lots'", Assert.Single(bad.Errors, e => e.Code == DiagnosticCodes.InvalidValue).Message);
    }

    [Theory]
    [InlineData("grpc", 0)]
    [InlineData("http", 1)]
    public void The_protocol_is_the_decision_records_so_a_grpc_check_has_no_path_to_compare(string protocol, int pathMismatches)
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n  api:\n    image: shop-api:1\n    healthcheck:\n      test: [\"CMD\", \"/app/healthprobe\", \"--path\", \"/ready\"]\n");
        var engine = new RecordingBuildEngine();

        Assert.True(Task(engine, [new TaskItem(compose)], FactsFile(hasShell: false), new HealthCheckDecisionRecord { Protocol = protocol }).Execute());

        Assert.Equal(pathMismatches, engine.Warnings.Count(w => w.Code == DiagnosticCodes.PathMismatch));
    }

    [Fact]
    public void The_port_compared_is_the_decision_records_for_each_RID_with_that_RIDs_base_image()
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n  api:\n    image: shop-api:1\n    healthcheck:\n      test: [\"CMD\", \"/app/healthprobe\", \"http://localhost:8080/healthz\"]\n");
        var engine = new RecordingBuildEngine();
        var decided = new HealthCheckDecisionRecord { Port = 5000, PortSource = "appsettings.json urls", PortPinned = true, PortOverridesEnvironment = true };
        var task = Task(engine, [new TaskItem(compose)], FactsFile(hasShell: false), decided);
        var arm = Decision(FactsFile(hasShell: true), decided with { RuntimeIdentifier = "linux-arm64" }, "linux-arm64");
        task.DecisionFiles = [.. task.DecisionFiles, arm];

        Assert.True(task.Execute());

        var mismatch = Assert.Single(engine.Warnings, w => w.Code == DiagnosticCodes.PortMismatch);
        Assert.Contains("5000", mismatch.Message);
    }

    [Fact]
    public void Facts_the_decision_did_not_read_are_not_read()
    {
        var compose = directory.File("compose.yaml");
        File.WriteAllText(compose, "services:\n  api:\n    image: shop-api:1\n    healthcheck:\n      test: curl -f http://localhost:8080/healthz\n");
        var engine = new RecordingBuildEngine();
        var task = Task(engine, [new TaskItem(compose)], FactsFile(hasShell: false));
        // This publish did not inspect the base image: the record names no facts, and the file an earlier publish left is ignored.
        task.DecisionFiles = [Decision(null, new HealthCheckDecisionRecord())];

        Assert.True(task.Execute());

        Assert.DoesNotContain(engine.Warnings, w => w.Code is DiagnosticCodes.ShellMissing or DiagnosticCodes.ProgramMissing);
    }

    public void Dispose() => directory.Dispose();

    private TaskItem FactsFile(bool hasShell)
    {
        var path = directory.File($"facts-{hasShell}.json");
        FactsFileWriter.Write(path, new ImageFacts
        {
            Image = "localhost:5000/base:1", Platform = "linux/amd64", Source = FactsSource.Layers, HasShell = hasShell,
            ExecutablesOnPath = hasShell ? ["sh", "curl"] : ["dotnet"],
        });
        return new TaskItem(path);
    }

    private TaskItem Decision(TaskItem? facts, HealthCheckDecisionRecord record, string rid = "linux-x64")
    {
        var path = HealthCheckDecisionFile.PathFor(directory.File("decisions"), rid);
        HealthCheckDecisionFile.Write(path, record with { RuntimeIdentifier = rid, FactsFile = facts?.ItemSpec ?? "", ProbePathInImage = "/app/healthprobe" });
        return new TaskItem(path);
    }

    private LintDeploymentFiles Task(RecordingBuildEngine engine, TaskItem[] manifests, TaskItem facts, HealthCheckDecisionRecord? decision = null) => new()
    {
        BuildEngine = engine,
        Manifests = manifests,
        Discover = false,
        ProjectDirectory = directory.Path,
        ProjectFile = directory.File("App.csproj"),
        DecisionFiles = [Decision(facts, decision ?? new HealthCheckDecisionRecord())],
        CacheDirectory = directory.File("cache"),
        ContainerRepository = "shop-api",
    };
}
