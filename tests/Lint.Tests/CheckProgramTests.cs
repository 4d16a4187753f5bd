using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>Which program a check runs: mounted scripts are unknown, bash must exist, redirections and keywords are no programs.</summary>
[Trait("Tier", "Unit")]
public sealed class CheckProgramTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-programs-");

    [Fact]
    public void A_script_from_a_configmap_mount_is_unknown_and_the_same_script_unmounted_is_CH1002()
    {
        var mounted = Write(directory, "pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: shop-api:1.0
                  volumeMounts:
                    - name: checks
                      mountPath: /healthchecks
                  livenessProbe:
                    exec:
                      command: ["/healthchecks/live.sh"]
              volumes:
                - name: checks
                  configMap:
                    name: health-scripts
                    defaultMode: 0755
            """);
        var unmounted = Write(directory, "bare/pod.yaml", File.ReadAllText(mounted).Replace("mountPath: /healthchecks", "mountPath: /config"));

        Assert.Empty(DeploymentLint.Run([mounted], [BusyboxWithFiles], Settings).Diagnostics);
        Assert.Equal(DiagnosticCodes.ProgramMissing, Assert.Single(DeploymentLint.Run([unmounted], [BusyboxWithFiles], Settings).Diagnostics).Code);
    }

    [Fact]
    public void A_compose_bind_mount_and_an_ecs_mount_point_make_their_scripts_unknown()
    {
        var compose = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                volumes:
                  - ./checks:/opt/checks:ro
                  - type: bind
                    source: ./more
                    target: /opt/more
                healthcheck:
                  test: ["CMD", "/opt/checks/ready.sh"]
              worker:
                image: shop-api
                volumes: [./more:/opt/more]
                healthcheck:
                  test: ["CMD", "/opt/more/ready.sh"]
            """);
        var ecs = Write(directory, "task-definition.json", """
            {"containerDefinitions": [{"name": "api", "image": "shop-api",
              "mountPoints": [{"sourceVolume": "checks", "containerPath": "/opt/checks"}],
              "healthCheck": {"command": ["CMD", "/opt/checks/ready.sh"]}}]}
            """);

        Assert.Empty(DeploymentLint.Run([compose, ecs], [BusyboxWithFiles], Settings).Diagnostics);
    }

    [Theory]
    [InlineData("""["CMD", "bash", "-c", "wget -q --spider http://localhost:8080/healthz"]""", "runs its script with 'bash'")]
    [InlineData("""["CMD", "/bin/zsh", "-c", "wget -q --spider http://localhost:8080/healthz"]""", "runs its script with '/bin/zsh'")]
    [InlineData("""["CMD-SHELL", "bash -c 'wget -q --spider http://localhost:8080/healthz'"]""", "runs 'bash'")]
    public void Bash_and_zsh_are_programs_the_image_must_have(string test, string message)
    {
        var file = Write(directory, "compose.yaml", $"""
            services:
              api:
                image: shop-api
                healthcheck:
                  test: {test}
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [BusyboxWithFiles], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.ProgramMissing, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void An_exec_bash_c_on_a_shell_less_image_is_CH1002_for_bash_not_CH1001_for_sh()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "bash", "-c", "echo > /dev/tcp/localhost/8080"]
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.ProgramMissing, diagnostic.Code);
        Assert.Contains("runs its script with 'bash'", diagnostic.Message);
    }

    [Theory]
    [InlineData("""["CMD", "ash", "-c", "wget -q --spider http://localhost:8080/healthz"]""")]
    [InlineData("""["CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/8080 && echo ok"]""")]
    [InlineData("""["CMD-SHELL", "if wget -q --spider http://localhost:8080/healthz; then exit 0; else exit 1; fi"]""")]
    [InlineData("""["CMD-SHELL", "! wget -q -O /dev/null http://localhost:8080/healthz 2>&1 >/dev/null || exit 1"]""")]
    [InlineData("""["CMD-SHELL", ">/dev/null 2>&1 wget -q --spider http://localhost:8080/healthz"]""")]
    [InlineData("""["CMD-SHELL", "[[ -f /tmp/ready ]]"]""")]
    public void Redirections_keywords_and_busybox_ash_are_not_missing_programs(string test)
    {
        var file = Write(directory, "compose.yaml", $"""
            services:
              api:
                image: shop-api
                healthcheck:
                  test: {test}
            """);

        Assert.Empty(DeploymentLint.Run([file], [BusyboxWithFiles], Settings).Diagnostics);
    }

    [Fact]
    public void An_ecs_command_without_CMD_or_CMD_SHELL_is_CH1006_not_a_missing_program()
    {
        var file = Write(directory, "task-definition.json", """
            {"containerDefinitions": [{"name": "api", "image": "shop-api",
              "healthCheck": {"command": ["curl", "-f", "http://localhost:8080/healthz"]}}]}
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [BusyboxWithFiles], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal((2, 31), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("starts with 'curl'; ECS needs CMD", diagnostic.Message);
    }

    public void Dispose() => directory.Dispose();
}
