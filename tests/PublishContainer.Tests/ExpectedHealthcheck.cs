using ContainerHealth.TestBed.Containers;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>What the image config must say, and fast timings for the tests that run the check.</summary>
public static class ExpectedHealthcheck
{
    /// <summary>The default check: the probe with a deadline under the 5 s timeout.</summary>
    public static readonly string[] ProbeTest = ["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "4s"];

    /// <summary>The check with <see cref="FastTimings"/>: the deadline under their 3 s timeout.</summary>
    public static readonly string[] FastProbeTest = ["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "2400ms"];

    /// <summary>
    /// Publish properties that keep a run short: a check every 300 ms; failures in the first 10 s (the app starting on a
    /// loaded machine) don't count, so an app that never answers is unhealthy after about 10.6 s.
    /// </summary>
    public static readonly Dictionary<string, string> FastTimings = new()
    {
        ["ContainerHealthCheckInterval"] = "300ms",
        ["ContainerHealthCheckStartPeriod"] = "10s",
        ["ContainerHealthCheckTimeout"] = "3s",
        ["ContainerHealthCheckRetries"] = "2",
    };

    /// <summary>The image's own check, run every 300 ms (<c>docker run --health-interval</c>) so a test does not wait 30 s.</summary>
    public static readonly ContainerRunOptions FastRun = new() { HealthCheck = new HealthcheckConfig([], Interval: TimeSpan.FromMilliseconds(300)) };

    public static void AssertDefaults(HealthcheckConfig? healthcheck)
    {
        Assert.NotNull(healthcheck);
        Assert.Equal(ProbeTest, healthcheck.Test);
        Assert.Equal(TimeSpan.FromSeconds(30), healthcheck.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), healthcheck.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), healthcheck.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), healthcheck.StartInterval);
        Assert.Equal(3, healthcheck.Retries);
    }
}
