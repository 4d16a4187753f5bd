namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Runs a health check the way Docker's daemon (and ECS's agent) do: <c>CMD</c> execs the argv, <c>CMD-SHELL</c> execs
/// <c>/bin/sh -c STRING</c>, <c>NONE</c> does nothing. The first probe runs one interval (start interval during the start
/// period, if set) after the container started; exit 0 is healthy, anything else (including a process that could not
/// start, exit -1) a failure; a probe over its timeout fails with "Health check exceeded timeout"; failures during the
/// start period don't count; <c>retries</c> consecutive failures make it unhealthy. Unlike Docker it stops at the first
/// healthy or unhealthy state, and gives up (status Starting) after a bound.
/// <code>
/// var report = await HealthCheckRunner.RunAsync(container, new HealthcheckConfig(
///     ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], Interval: TimeSpan.FromMilliseconds(200), Retries: 2));
/// Assert.Equal(HealthStatus.Unhealthy, report.Status);
/// </code>
/// </summary>
public static class HealthCheckRunner
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public const int DefaultRetries = 3;
    private const int MaxOutputLength = 4096;

    /// <summary>The argv Docker would exec for a check, or null for NONE.</summary>
    public static IReadOnlyList<string>? Argv(IReadOnlyList<string> test) => test.Count == 0 ? null : test[0] switch
    {
        "NONE" => null,
        "CMD" when test.Count > 1 => [.. test.Skip(1)],
        "CMD-SHELL" when test.Count == 2 => ["/bin/sh", "-c", test[1]],
        _ => throw new ArgumentException($"not a Docker health check test: [{string.Join(", ", test)}]", nameof(test)),
    };

    /// <param name="bound">Gives up after this long (default: start period + retries+1 rounds of interval + timeout).</param>
    public static async Task<HealthCheckReport> RunAsync(RunningContainer container, HealthcheckConfig check, TimeSpan? bound = null)
    {
        var argv = Argv(check.Test);
        if (argv is null)
        {
            return new HealthCheckReport(HealthStatus.None, 0, []);
        }

        var interval = Positive(check.Interval, DefaultInterval);
        var timeout = Positive(check.Timeout, DefaultTimeout);
        var startInterval = Positive(check.StartInterval, interval);
        var retries = check.Retries > 0 ? check.Retries : DefaultRetries;
        var giveUpAt = DateTimeOffset.UtcNow + (bound ?? check.StartPeriod + ((interval + timeout) * (retries + 1)) + TimeSpan.FromSeconds(5));

        var probes = new List<HealthProbeResult>();
        var failingStreak = 0;
        while (true)
        {
            var inStartPeriod = DateTimeOffset.UtcNow - container.StartedAt < check.StartPeriod;
            var wait = inStartPeriod ? startInterval : interval;
            if (DateTimeOffset.UtcNow + wait > giveUpAt)
            {
                return new HealthCheckReport(HealthStatus.Starting, failingStreak, probes);
            }

            // The interval is the health check's own schedule, not synchronisation.
            await Task.Delay(wait);
            var probe = await ProbeAsync(container, argv, timeout);
            inStartPeriod = probe.Start - container.StartedAt < check.StartPeriod;
            probes.Add(probe with { InStartPeriod = inStartPeriod });
            if (probe.ExitCode == 0)
            {
                return new HealthCheckReport(HealthStatus.Healthy, 0, probes);
            }

            if (!inStartPeriod && ++failingStreak >= retries)
            {
                return new HealthCheckReport(HealthStatus.Unhealthy, failingStreak, probes);
            }
        }
    }

    private static async Task<HealthProbeResult> ProbeAsync(RunningContainer container, IReadOnlyList<string> argv, TimeSpan timeout)
    {
        var start = DateTimeOffset.UtcNow;
        var exec = await container.ExecAsync(argv, timeout);
        var end = DateTimeOffset.UtcNow;
        var output = exec.TimedOut ? $"Health check exceeded timeout ({FormatDuration(timeout)})" : exec.Output;
        if (output.Length > MaxOutputLength)
        {
            output = output[..MaxOutputLength];
        }

        return new HealthProbeResult(start, end, exec.ExitCode, output, InStartPeriod: false);
    }

    private static TimeSpan Positive(TimeSpan value, TimeSpan fallback) => value > TimeSpan.Zero ? value : fallback;

    // Go's time.Duration String(): 30s, 1.5s, 200ms.
    private static string FormatDuration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture) + "s"
        : duration.TotalMilliseconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + "ms";
}
