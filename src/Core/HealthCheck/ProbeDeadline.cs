namespace ContainerHealth.HealthCheck;

/// <summary>
/// The probe's own deadline for a check with the given Docker timeout: a little under it, so the probe prints its line
/// before the engine kills the exec (which counts its own start-up against the timeout) and the line reaches the log.
/// </summary>
public static class ProbeDeadline
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaximumMargin = TimeSpan.FromSeconds(2);

    // The probe's own limit on --timeout.
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan For(DockerDuration timeout)
    {
        var budget = TimeSpan.FromTicks(timeout.Nanoseconds / 100);
        var margin = TimeSpan.FromTicks(Math.Clamp(budget.Ticks / 5, MinimumMargin.Ticks, MaximumMargin.Ticks));
        var deadline = budget - margin < budget / 2 ? budget / 2 : budget - margin;
        return TimeSpan.FromMilliseconds(Math.Clamp(Math.Floor(deadline.TotalMilliseconds), 1, Longest.TotalMilliseconds));
    }

    /// <summary>The probe's <c>--timeout</c> syntax: whole seconds as <c>4s</c>, otherwise milliseconds.</summary>
    public static string Format(TimeSpan deadline) =>
        deadline.Milliseconds == 0 ? $"{(long)deadline.TotalSeconds}s" : $"{(long)deadline.TotalMilliseconds}ms";
}
