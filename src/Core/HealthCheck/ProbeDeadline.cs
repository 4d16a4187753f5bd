using ContainerHealth.Probe;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The probe's own deadline for a check with the given Docker timeout: a little under it, so the probe prints its line
/// before the engine kills the exec (which counts its own start-up against the timeout) and the line reaches the log.
/// </summary>
public static class ProbeDeadline
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaximumMargin = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Longest = DurationParser.Longest;

    public static TimeSpan For(DockerDuration timeout)
    {
        var budget = timeout.ToTimeSpan();
        var margin = TimeSpan.FromTicks(Math.Clamp(budget.Ticks / 5, MinimumMargin.Ticks, MaximumMargin.Ticks));
        var deadline = budget - margin < budget / 2 ? budget / 2 : budget - margin;
        return TimeSpan.FromMilliseconds(Math.Clamp(Math.Floor(deadline.TotalMilliseconds), 1, Longest.TotalMilliseconds));
    }
}
