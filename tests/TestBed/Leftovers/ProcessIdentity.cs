namespace ContainerHealth.TestBed.Leftovers;

/// <summary>
/// A process id plus its start time (from /proc/PID/stat), so a recycled PID is never mistaken for the recorded process.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTime)
{
    public static ProcessIdentity Current { get; } = Of(Environment.ProcessId)!;

    public static ProcessIdentity? Of(int pid)
    {
        var startTime = ReadStartTime(pid);
        return startTime is null ? null : new ProcessIdentity(pid, startTime.Value);
    }

    public bool IsAlive => ReadStartTime(Pid) == StartTime;

    private static long? ReadStartTime(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses; fields after the last ')' are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[19]); // field 22: starttime
    }
}
