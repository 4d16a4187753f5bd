using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ContainerHealth.Probe.Native;

/// <summary>
/// When the process started, on the <see cref="Stopwatch"/> clock: recorded by process_start_time.c before the runtime
/// started, so the deadline also covers runtime start-up (tens to hundreds of ms under qemu). A JIT build (tests, the
/// framework-dependent benchmark) has no such C code and starts the clock when asked.
/// </summary>
internal static class ProcessStart
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static long Timestamp()
    {
        var now = Stopwatch.GetTimestamp();
        long nanoseconds;
        try
        {
            nanoseconds = StartNanoseconds();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A JIT build: the C code is only linked into the static executable.
            return now;
        }

        var start = Stopwatch.Frequency == NanosecondsPerSecond
            ? nanoseconds
            : (long)(nanoseconds * ((double)Stopwatch.Frequency / NanosecondsPerSecond));
        return start > 0 && start <= now ? start : now;
    }

    [DllImport("healthprobe_native", EntryPoint = "healthprobe_process_start_nanoseconds")]
    private static extern long StartNanoseconds();
}
