namespace ContainerHealth.Cli.Probe;

/// <summary>Writes the probe to a path (or into a directory as healthprobe), executable, replacing it only as a whole.</summary>
public static class ProbeFile
{
    public static string Write(string path, string architecture)
    {
        var source = ShippedProbe.PathFor(architecture);
        var destination = Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar)
            ? Path.Combine(path, HealthCheckDefaults.ProbeFileName)
            : path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{directory}: no such directory; create it first (e.g. mkdir -p {directory})");
        }

        // Written next to its destination and moved over it: a reader never sees half a probe.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Environment.ProcessId}.tmp");
        try
        {
            File.Copy(source, temporary, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"{destination}: cannot be written ({e.Message})");
        }

        return destination;
    }
}
