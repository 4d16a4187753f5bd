using System.Diagnostics;

namespace ContainerHealth.Probe;

/// <summary>The one time budget every step of a check draws from, on the monotonic clock.</summary>
internal sealed class Deadline
{
    private readonly long start;

    /// <param name="startTimestamp">When the budget started to run, on the <see cref="Stopwatch"/> clock.</param>
    public Deadline(TimeSpan budget, long startTimestamp)
    {
        Budget = budget;
        start = startTimestamp;
    }

    public TimeSpan Budget { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(start);

    public bool HasExpired => RemainingMilliseconds == 0;

    /// <summary>Whole milliseconds left, rounded up so a poll never wakes before the deadline; 0 once it has passed.</summary>
    public int RemainingMilliseconds
    {
        get
        {
            var remaining = (Budget - Elapsed).TotalMilliseconds;
            return remaining <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(remaining));
        }
    }
}
