using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe;

/// <summary>
/// The hard stop behind the deadline. Socket waits already end at the deadline; this covers what cannot be bounded
/// from inside, the system resolver (DNS): shortly after the deadline, unless the check has already printed its line,
/// it prints the timeout line and ends the process with 1, so a health check never outlives its budget.
/// </summary>
internal static class Watchdog
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    public static void Start(Deadline deadline)
    {
        var thread = new Thread(() =>
        {
            var wait = deadline.Budget - deadline.Elapsed + Margin;
            Thread.Sleep(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            if (!StandardOutput.TryClaim())
            {
                // The check finished first and is printing its own line.
                return;
            }

            StandardOutput.WriteLine(ResultLine.Format(new NoResponse(deadline.Budget)));
            LibC.ExitImmediately(1);
        })
        {
            IsBackground = true,
            Name = "deadline",
        };
        thread.Start();
    }
}
