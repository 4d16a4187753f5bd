using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using Xunit.Abstractions;

namespace ContainerHealth.Cli.Tests.Verify;

/// <summary>
/// <c>container-health verify</c> on a non-.NET image (static busybox, no shell) under the private Docker engine: its own
/// HEALTHCHECK, and the checks of ECS, compose and Kubernetes files, each run as that platform hands it to the engine.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyCommandEngineTests(BusyboxWebImage image, ITestOutputHelper output) : IClassFixture<BusyboxWebImage>, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task Image_own_healthcheck_is_verified_healthy()
    {
        var result = await VerifyAsync(image.Tag);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^ContainerHealth: verified {image.Tag} healthy in \d+\.\d s", result.StandardOutput);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Seed_task_definition_prints_the_engine_stat_failure_at_the_healthCheck_line()
    {
        var file = Write("task-definition.json", """
            {
              "family": "seed",
              "containerDefinitions": [
                {
                  "name": "web",
                  "image": "myapp:latest",
                  "essential": true,
                  "healthCheck": {
                    "command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"],
                    "interval": 30,
                    "timeout": 5,
                    "retries": 3
                  }
                }
              ]
            }
            """);

        var result = await VerifyAsync(image.Tag, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:9:", result.StandardOutput);
        Assert.Matches(@"error CH1014: the ECS healthCheck of \S+ cannot start: the engine said "".*stat /bin/sh: no such file or directory", result.StandardOutput);
        Assert.Contains("the image has no shell", result.StandardOutput);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Ecs_exec_form_check_is_run_as_the_agent_passes_it()
    {
        var file = Write("task-definition.json", $$"""
            { "containerDefinitions": [ { "name": "web", "image": "busybox-web:1",
                "healthCheck": { "command": ["CMD", "/bin/busybox", "wget", "-q", "--spider", "{{BusyboxWebImage.CheckUrl}}"], "timeout": 5, "retries": 3 } } ] }
            """);

        var result = await VerifyAsync(image.Tag, file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{file}:2:", result.StandardOutput);
        Assert.Contains($"verified {image.Tag} healthy in", result.StandardOutput);
        Assert.Contains("under the ECS healthCheck", result.StandardOutput);
    }

    [Fact]
    public async Task Compose_checks_pass_or_fail_with_the_check_output()
    {
        var file = Write("compose.yaml", $$"""
            services:
              web:
                image: busybox-web:1
                healthcheck:
                  test: ["CMD", "/bin/busybox", "wget", "-q", "--spider", "http://127.0.0.1:9999/"]
                  timeout: 2s
            """);

        var result = await VerifyAsync(image.Tag, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:5:", result.StandardOutput);
        Assert.Contains("error CH1014:", result.StandardOutput);
        Assert.Contains("health check (exit 1): wget: can't connect to remote host (127.0.0.1): Connection refused", result.StandardOutput);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    [Fact]
    public async Task Kubernetes_exec_probe_runs_and_kubelet_probe_is_reported_as_not_run()
    {
        var file = Write("deployment.yaml", $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: busybox-web:1
                      readinessProbe:
                        exec:
                          command: ["/bin/busybox", "wget", "-q", "--spider", "{{BusyboxWebImage.CheckUrl}}"]
                      livenessProbe:
                        httpGet:
                          path: /
                          port: 8000
            """);

        var result = await VerifyAsync(image.Tag, file);
        var strict = await VerifyAsync(image.Tag, file, "--fail-on", "warning");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{file}:13:", result.StandardOutput);
        Assert.Contains("under the readinessProbe exec", result.StandardOutput);
        Assert.Contains($"{file}:16:", result.StandardOutput);
        Assert.Contains("warning CH1015: The livenessProbe httpGet of container 'web' was not run", result.StandardOutput);
        Assert.DoesNotContain("verified", result.StandardOutput.Split('\n').Single(l => l.Contains("livenessProbe", StringComparison.Ordinal)));
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Sarif_output_carries_CH1014_at_the_check()
    {
        var file = Write("task-definition.json", """
            { "containerDefinitions": [ { "name": "web", "image": "myapp:1",
                "healthCheck": { "command": ["CMD-SHELL", "wget -q --spider http://127.0.0.1:8000/"] } } ] }
            """);

        var result = await VerifyAsync(image.Tag, file, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.StandardOutput);
        var finding = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.Equal("CH1014", finding.GetProperty("ruleId").GetString());
        Assert.Equal(2, finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task No_engine_is_CH1015_not_a_crash()
    {
        var result = await CliRun.RunAsync(["verify", image.Tag, "--engine", "docker"], directory.Path,
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + directory.File("no-engine.sock") });

        output.WriteLine(result.StandardOutput + result.StandardError);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CH1015: ContainerHealth could not verify", result.StandardOutput);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError);
    }

    public void Dispose() => directory.Dispose();

    private string Write(string name, string text)
    {
        var path = directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<ProcessResult> VerifyAsync(params string[] arguments)
    {
        var result = await CliRun.RunAsync(["verify", .. arguments], directory.Path, image.Environment);
        output.WriteLine(result.StandardOutput);
        output.WriteLine(result.StandardError);
        return result;
    }
}
