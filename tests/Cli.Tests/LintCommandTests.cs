using ContainerHealth.TestBed.Registry;
using System.Text.Json;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// <c>container-health lint</c> on deployment files against test-bed images. The seed: an ECS task definition with the
/// usual <c>CMD-SHELL curl</c> check for an image shaped like cgr.dev/chainguard/static: no shell (CH1001) and no curl
/// (CH1002); with a shell but no curl, CH1002 alone. Read from the layers, these checks can never pass: errors, exit 1.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class LintCommandTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const int CommandLine = 8;
    private const string SeedCommand = """["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]""";

    [Fact]
    public async Task Seed_ECS_curl_check_on_a_static_image_is_CH1001_and_CH1002_errors_at_the_command_line_and_exit_1()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("task-definition.json"), TaskDefinition(image.Reference, SeedCommand));

        // No option needed: read from the layers, the check can never pass.
        var run = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference], directory.Path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches($@"^task-definition\.json:{CommandLine}:\d+: error CH1001: .*has no /bin/sh", lines[0]);
        Assert.Matches($@"^task-definition\.json:{CommandLine}:\d+: error CH1002: .*'curl'", lines[1]);
        Assert.DoesNotContain("   at ", run.Output);

        var never = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference, "--fail-on", "never"], directory.Path);
        Assert.Equal(0, never.ExitCode);
        Assert.Equal(run.StandardOutput, never.StandardOutput);
    }

    [Fact]
    public async Task Seed_ECS_curl_check_on_an_image_with_a_shell_but_no_curl_is_CH1002_at_the_command_line_and_exit_1()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.NobleLike);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("task-definition.json"), TaskDefinition(image.Reference, SeedCommand));

        var run = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference], directory.Path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($@"^task-definition\.json:{CommandLine}:\d+: error CH1002: .*'curl'", line);
    }

    [Fact]
    public async Task Near_miss_busybox_image_with_a_wget_exec_check_is_clean_and_exit_0()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("task-definition.json"), TaskDefinition(image.Reference, """["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"]"""));

        var run = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference, "--warnings-as-errors"], directory.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(" CH1", run.Output);
    }

    [Fact]
    public async Task Sarif_output_has_the_rules_with_help_links_and_results_at_the_file_region()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("task-definition.json"), TaskDefinition(image.Reference, """["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]"""));

        var run = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference, "--format", "sarif"], directory.Path);

        Assert.Equal(1, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.StandardOutput);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("container-health", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(["CH1001", "CH1002"], ruleIds);
        Assert.All(rules, rule => Assert.EndsWith($"docs/rules/{rule.GetProperty("id").GetString()}.md", rule.GetProperty("helpUri").GetString()));

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        foreach (var code in new[] { "CH1001", "CH1002" })
        {
            var result = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == code);
            Assert.Equal(code, ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Equal("error", result.GetProperty("level").GetString());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("task-definition.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.Equal(CommandLine, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        }
    }

    [Fact]
    public async Task Compose_and_Kubernetes_files_are_checked_against_the_image_each_container_names()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Chiseled);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), $$"""
            services:
              app:
                image: {{image.Reference}}
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
            """);
        File.WriteAllText(directory.File("deployment.yaml"), $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: {{image.Reference}}
                      livenessProbe:
                        exec:
                          command: ["sh", "-c", "wget -q -O- http://localhost:8080/healthz"]
            """);

        var run = await CliRun.RunAsync(["lint", "compose.yaml", "deployment.yaml"], directory.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^compose\.yaml:5:\d+: error CH1002: .*'curl'", run.StandardOutput);
        Assert.Matches(@"(?m)^deployment\.yaml:1[1-3]:\d+: error CH1001: ", run.StandardOutput);
    }

    [Fact]
    public async Task Malformed_task_definition_is_CH1008_with_its_position_and_exit_1()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("task-definition.json"), "{\n  \"containerDefinitions\": [\n    { \"name\": \"app\", }\n");

        var run = await CliRun.RunAsync(["lint", "task-definition.json", "--image", image.Reference], directory.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"task-definition\.json:\d+:\d+: error CH1008: ", run.StandardOutput);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task Missing_file_is_a_usage_error()
    {
        using var directory = new TemporaryDirectory();

        var run = await CliRun.RunAsync(["lint", "no-such-task-definition.json", "--image", "localhost:1/app:1.0"], directory.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-task-definition.json: no such file", run.StandardError);
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), "services: {}\n");

        var run = await CliRun.RunAsync(["lint", "compose.yaml", "--format", "xml"], directory.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.StandardError);
    }

    // The "command" array is on line 8 (CommandLine).
    private static string TaskDefinition(string image, string command) => $$"""
        {
          "family": "app",
          "containerDefinitions": [
            {
              "name": "app",
              "image": "{{image}}",
              "healthCheck": {
                "command": {{command}},
                "interval": 30,
                "timeout": 5,
                "retries": 3
              },
              "portMappings": [{ "containerPort": 8080 }]
            }
          ]
        }
        """;
}
