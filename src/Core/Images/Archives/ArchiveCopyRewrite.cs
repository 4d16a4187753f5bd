using System.Formats.Tar;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// Applies a rewrite plan by writing the whole archive anew next to the old one and moving it over it when complete.
/// For archives whose changed entries sit among layers (<c>docker save</c> output); the SDK's go to <see cref="ArchiveTailRewrite"/>.
/// </summary>
internal static class ArchiveCopyRewrite
{
    public static void Apply(string archivePath, ArchiveRewritePlan plan) => AtomicFile.Write(archivePath, temporary =>
    {
        using var output = File.Create(temporary);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        using var input = File.OpenRead(archivePath);
        using var reader = new TarReader(input);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var modified = DateTimeOffset.UtcNow;
        while (reader.GetNextEntry() is { } entry)
        {
            var name = ArchiveEntries.NameOf(entry);
            if (plan.Changes(name))
            {
                modified = entry.ModificationTime;
                continue;
            }

            writer.WriteEntry(entry);
            written.Add(name);
        }

        foreach (var (name, bytes) in plan.Added)
        {
            if (written.Add(name))
            {
                writer.WriteEntry(ArchiveEntries.RegularFile(name, bytes, modified));
            }
        }
    });
}
