using ContainerHealth.Verify;

namespace ContainerHealth.Core.Tests.Verify;

/// <summary>The diagnosis from the evidence a verify collects: the engine's health log and the container's output.</summary>
[Trait("Tier", "Unit")]
public sealed class HealthDiagnosisTests
{
    private static readonly string[] ProbeTest = ["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "2s"];

    private static readonly string[] Started =
    [
        "info: Microsoft.Hosting.Lifetime[14]",
        "      Now listening on: http://[::]:8080",
        "info: Microsoft.Hosting.Lifetime[0]",
        "      Application started. Press Ctrl+C to shut down.",
    ];

    [Fact]
    public void Port_pinned_in_code_names_the_port_to_set()
    {
        var outcome = Unhealthy(["unhealthy: connection refused (127.0.0.1:8080); address not available ([::1]:8080)"],
            ["      Now listening on: http://[::]:5001", "      Application started. Press Ctrl+C to shut down."]);

        var diagnosis = HealthDiagnosis.Explain(outcome);

        Assert.Contains("the app listens on port 5001", diagnosis);
        Assert.Contains("the check probes port 8080", diagnosis);
        Assert.Contains("set ContainerHealthCheckPort=5001", diagnosis);
    }

    [Fact]
    public void Port_read_from_a_url_in_the_check_when_the_check_prints_none()
    {
        var outcome = Unhealthy(["curl: (7) Failed to connect"], ["      Now listening on: http://0.0.0.0:5000"], ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]);

        Assert.Contains("set ContainerHealthCheckPort=5000", HealthDiagnosis.Explain(outcome));
    }

    [Fact]
    public void Same_port_is_no_port_diagnosis()
    {
        var outcome = Unhealthy(["unhealthy: HTTP 503 from http://localhost:8080/healthz in 4 ms (expected 200-399)"], Started);

        var diagnosis = HealthDiagnosis.Explain(outcome);

        Assert.DoesNotContain("ContainerHealthCheckPort", diagnosis);
        Assert.Contains("HTTP 503", diagnosis);
    }

    [Theory]
    [InlineData("unhealthy: HTTP 400 from http://localhost:8080/healthz in 2 ms (expected 200-399)", "AllowedHosts")]
    [InlineData("unhealthy: HTTP 404 from http://localhost:8080/ready in 2 ms (expected 200-399)", "app.MapHealthChecks(\"/ready\")")]
    [InlineData("unhealthy: HTTP 401 from http://localhost:8080/healthz in 2 ms (expected 200-399)", ".AllowAnonymous()")]
    [InlineData("unhealthy: HTTP 403 from http://localhost:8080/healthz in 2 ms (expected 200-399)", ".AllowAnonymous()")]
    [InlineData("wget: server returned error: HTTP/1.1 404 Not Found", "HTTP 404")]
    [InlineData("curl: (22) The requested URL returned error: 401", "HTTP 401")]
    public void Http_status_of_the_check_is_explained(string checkOutput, string expected)
    {
        Assert.Contains(expected, HealthDiagnosis.Explain(Unhealthy([checkOutput], Started)));
    }

    [Fact]
    public void Shell_missing_is_the_engine_stat_failure()
    {
        const string dockerSays = "OCI runtime exec failed: exec failed: container_linux.go:380: starting container process caused: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown";
        var outcome = new VerifyOutcome(VerifyVerdict.CheckCannotStart, TimeSpan.FromSeconds(1), [new HealthLogEntry(-1, dockerSays)], [], null, ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]);

        var diagnosis = HealthDiagnosis.Explain(outcome);

        Assert.Contains(dockerSays, diagnosis);
        Assert.Contains("the image has no shell", diagnosis);
        Assert.True(HealthDiagnosis.CannotStart(outcome.HealthLog[0]));
    }

    [Theory]
    [InlineData(127, "/bin/sh: curl: not found", true)]
    [InlineData(126, "crun: executable file `/bin/sh` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found", true)]
    [InlineData(1, "unhealthy: connection refused (127.0.0.1:8080)", false)]
    [InlineData(1, "wget: can't connect to remote host (127.0.0.1): Connection refused", false)]
    public void Check_that_cannot_start_is_told_from_one_that_fails(int exitCode, string output, bool cannotStart)
    {
        Assert.Equal(cannotStart, HealthDiagnosis.CannotStart(new HealthLogEntry(exitCode, output)));
    }

    [Fact]
    public void Exited_app_gives_its_exit_code()
    {
        var outcome = new VerifyOutcome(VerifyVerdict.Exited, TimeSpan.FromSeconds(1), [], ["Unhandled exception. System.InvalidOperationException: ConnectionStrings:Main is not set"], 134, ProbeTest);

        Assert.Contains("the app exited with exit code 134", HealthDiagnosis.Explain(outcome));
    }

    [Fact]
    public void Nothing_knowable_is_no_diagnosis()
    {
        Assert.Null(HealthDiagnosis.Explain(Unhealthy(["unhealthy: no response within 2000 ms"], Started)));
    }

    [Fact]
    public void Image_without_healthcheck_says_so()
    {
        var outcome = new VerifyOutcome(VerifyVerdict.NoHealthCheck, TimeSpan.Zero, [], [], null, null);

        Assert.Contains("the image has no HEALTHCHECK", HealthDiagnosis.Explain(outcome));
    }

    private static VerifyOutcome Unhealthy(string[] checkOutput, string[] containerOutput, IReadOnlyList<string>? test = null) =>
        new(VerifyVerdict.Unhealthy, TimeSpan.FromSeconds(3), checkOutput.Select(o => new HealthLogEntry(1, o)).ToList(), containerOutput, null, test ?? ProbeTest);
}
