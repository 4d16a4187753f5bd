using ContainerHealth.Verify;

namespace ContainerHealth.Core.Tests.Verify;

/// <summary><c>container inspect</c> as Docker 20.10 and Podman print it.</summary>
[Trait("Tier", "Unit")]
public sealed class ContainerStateTests
{
    [Fact]
    public void Docker_health_log_is_read()
    {
        var state = ContainerState.Parse("""
            [{"State":{"Status":"running","Running":true,"ExitCode":0,"Health":{"Status":"starting","FailingStreak":1,
              "Log":[{"Start":"2026-12-07T21:00:00.1Z","End":"2026-12-07T21:00:00.2Z","ExitCode":1,"Output":"unhealthy: connection refused (127.0.0.1:8080)"}]}}}]
            """);

        Assert.True(state.Running);
        Assert.Equal("starting", state.HealthStatus);
        var entry = Assert.Single(state.HealthLog);
        Assert.Equal((1, "unhealthy: connection refused (127.0.0.1:8080)"), (entry.ExitCode, entry.Output));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 21, 0, 0, 100, TimeSpan.Zero), entry.Start);
    }

    [Fact]
    public void Podman_older_Healthcheck_field_and_exited_container_are_read()
    {
        var state = ContainerState.Parse("""
            [{"State":{"Status":"exited","Running":false,"ExitCode":139,"Healthcheck":{"Status":"unhealthy","FailingStreak":3,"Log":[]}}}]
            """);

        Assert.False(state.Running);
        Assert.Equal(139, state.ExitCode);
        Assert.Equal("unhealthy", state.HealthStatus);
    }

    [Fact]
    public void No_health_is_no_status()
    {
        Assert.Null(ContainerState.Parse("""[{"State":{"Running":true,"ExitCode":0}}]""").HealthStatus);
    }
}
