using ContainerHealth.HealthCheck;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>What lint's readers hand verify: each check as its platform hands it to the engine, with its defaults.</summary>
[Trait("Tier", "Unit")]
public sealed class CheckRunSettingsTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-verify-run-");

    [Fact]
    public void Ecs_healthCheck_is_passed_as_written_with_its_timeout_and_retries()
    {
        var file = Write(directory, "task-definition.json", """
            { "containerDefinitions": [
              { "name": "a", "image": "app:1", "healthCheck": { "command": ["CMD", "/app/healthprobe", "--path", "/ready"], "timeout": 7, "retries": 2 } },
              { "name": "b", "image": "app:1", "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"] } } ] }
            """);

        var runs = Runs(file);

        Assert.Equal(new CheckRunSettings(["CMD", "/app/healthprobe", "--path", "/ready"], DockerDuration.FromSeconds(7), 2), runs[0], Comparer);
        Assert.Equal(new CheckRunSettings(["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], DockerDuration.FromSeconds(5), 3), runs[1], Comparer);
    }

    [Fact]
    public void Compose_string_test_is_a_shell_check_and_disable_is_none()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              a:
                image: app:1
                healthcheck:
                  test: wget -q --spider http://localhost:8080/healthz
                  timeout: 3s
              b:
                image: app:1
                healthcheck:
                  disable: true
            """);

        var run = Assert.Single(Runs(file));

        Assert.Equal(new CheckRunSettings(["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz"], DockerDuration.FromSeconds(3), 3), run, Comparer);
    }

    [Fact]
    public void Kubernetes_exec_probe_runs_in_exec_form_and_httpGet_has_nothing_to_run()
    {
        var file = Write(directory, "pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: a }
            spec:
              containers:
                - name: a
                  image: app:1
                  readinessProbe:
                    exec:
                      command: ["/app/healthprobe", "--path", "/ready"]
                    failureThreshold: 5
                  livenessProbe:
                    httpGet: { path: /healthz, port: 8080 }
            """);

        var checks = DeploymentLint.Read(file, LintLimits.Default).Containers.Single().Checks;

        Assert.Null(checks.Single(c => c.Description == "livenessProbe httpGet").Run);
        Assert.Equal(new CheckRunSettings(["CMD", "/app/healthprobe", "--path", "/ready"], DockerDuration.FromSeconds(1), 5), checks.Single(c => c.Description == "readinessProbe exec").Run, Comparer);
    }

    public void Dispose() => directory.Dispose();

    private static readonly RunComparer Comparer = new();

    private static List<CheckRunSettings> Runs(string file) =>
        DeploymentLint.Read(file, LintLimits.Default).Containers.SelectMany(c => c.Checks).Select(c => c.Run!).ToList();

    private sealed class RunComparer : IEqualityComparer<CheckRunSettings?>
    {
        public bool Equals(CheckRunSettings? x, CheckRunSettings? y) =>
            x is not null && y is not null && x.Test.SequenceEqual(y.Test) && x.Timeout == y.Timeout && x.Retries == y.Retries;

        public int GetHashCode(CheckRunSettings? obj) => 0;
    }
}
