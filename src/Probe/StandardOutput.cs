using System.Text;
using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe;

/// <summary>
/// Prints the result line exactly once, whichever of the check and the watchdog gets there first. Writes with write(2):
/// System.Console would add size and locks that a two-thread, one-line program does not need.
/// </summary>
internal static unsafe class StandardOutput
{
    private static int claimed;

    /// <summary>True for the first caller only; later callers print nothing.</summary>
    public static bool TryClaim() => Interlocked.Exchange(ref claimed, 1) == 0;

    public static void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        fixed (byte* start = bytes)
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var written = LibC.Write(1, start + offset, (nuint)(bytes.Length - offset));
                if (written <= 0)
                {
                    return;
                }

                offset += (int)written;
            }
        }
    }
}
