using System.Formats.Tar;
using System.Text;

namespace ContainerHealth.Lint;

/// <summary>
/// Reads a deployment file's text, but only from a regular file no larger than <see cref="LintLimits.MaxFileBytes"/>:
/// a directory, a FIFO (which would block forever) or a device such as /dev/zero (which never ends) is a CH1008 with
/// the reason, as is a file over the cap.
/// </summary>
public static class DeploymentFileText
{
    public static (string? Text, DeploymentFileResult? Error) Read(string file, LintLimits limits)
    {
        try
        {
            if (Directory.Exists(file))
            {
                return Refuse(file, "is a directory; name the files in it");
            }

            var info = new FileInfo(file);
            if (info.LinkTarget is not null && File.ResolveLinkTarget(file, returnFinalTarget: true) is { } target)
            {
                info = new FileInfo(target.FullName);
            }

            if (!info.Exists)
            {
                return Refuse(file, "does not exist");
            }

            // Pipes and devices report a length of 0; only then is the entry type worth asking for, before any open().
            if (info.Length == 0 && SpecialFileType(info.FullName) is { } special)
            {
                return Refuse(file, $"is {special}, not a regular file; pass the file itself");
            }

            if (info.Length > limits.MaxFileBytes)
            {
                return Refuse(file, $"is {info.Length / (1024 * 1024.0):0.#} MiB, over the {Size(limits.MaxFileBytes)} limit for deployment files; lint a smaller file or raise the limit");
            }

            return ReadCapped(file, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse(file, $"cannot be read ({e.Message})");
        }
    }

    private static (string? Text, DeploymentFileResult? Error) ReadCapped(string file, LintLimits limits)
    {
        // The length was checked, but a file can still grow (or lie, like /proc files): never read past the cap.
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes)
            {
                return Refuse(file, $"is over the {Size(limits.MaxFileBytes)} limit for deployment files; lint a smaller file or raise the limit");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var text = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (text.ReadToEnd(), null);
    }

    /// <summary>"a FIFO", "a character device", ... for what is not a regular file; null for a regular one.</summary>
    private static string? SpecialFileType(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // The tar writer lstat()s the path for its entry type and opens only regular files: a portable stat without P/Invoke.
        using var archive = new MemoryStream();
        try
        {
            using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(path, "entry");
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            return "a special file";
        }

        archive.Position = 0;
        using var reader = new TarReader(archive);
        return reader.GetNextEntry()?.EntryType switch
        {
            TarEntryType.RegularFile or TarEntryType.V7RegularFile => null,
            TarEntryType.Fifo => "a FIFO (named pipe)",
            TarEntryType.CharacterDevice => "a character device",
            TarEntryType.BlockDevice => "a block device",
            TarEntryType.Directory => "a directory",
            _ => "a special file",
        };
    }

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    private static (string? Text, DeploymentFileResult? Error) Refuse(string file, string reason) =>
        (null, DeploymentFileResult.Malformed(file, 0, 0, $"{file} {reason}"));
}
