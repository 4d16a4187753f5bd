using System.Globalization;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// The TCP ports a process listens on, from /proc: the sockets in LISTEN state in /proc/net/tcp and tcp6 whose inodes
/// are among the process's open file descriptors.
/// </summary>
public static class ListeningPorts
{
    private const string ListenState = "0A";

    public static IReadOnlySet<int> Of(int processId)
    {
        var ownSockets = SocketInodes(processId);
        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == ListenState && ownSockets.Contains(fields[9]))
                {
                    ports.Add(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }

    private static HashSet<string> SocketInodes(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var descriptor in Directory.EnumerateFiles($"/proc/{processId}/fd"))
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            // The process has exited (or its descriptors closed) between two reads: it listens on nothing.
        }

        return inodes;
    }
}
