using System.Formats.Tar;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// One pass over an image archive: where each entry lies and the content of the small ones (configs, manifests,
/// indexes). Layers are skipped, never read.
/// </summary>
internal sealed class ArchiveContents
{
    // Configs, manifests and indexes are small; layers are not and are skipped.
    private const long MetadataSizeLimit = 4 * 1024 * 1024;
    private const int BlockSize = 512;

    private ArchiveContents(List<ArchiveEntrySpan> entries, long length)
    {
        Entries = entries;
        Length = length;
        Small = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Content is not null)
            {
                Small[entry.Name] = entry.Content;
            }
        }
    }

    /// <summary>The entries in archive order.</summary>
    public IReadOnlyList<ArchiveEntrySpan> Entries { get; }

    /// <summary>Small regular files by name (without a leading <c>./</c>).</summary>
    public Dictionary<string, byte[]> Small { get; }

    /// <summary>The archive file's length, end-of-archive blocks included.</summary>
    public long Length { get; }

    public static ArchiveContents Read(string archivePath)
    {
        var entries = new List<ArchiveEntrySpan>();
        using var file = File.OpenRead(archivePath);
        using var reader = new TarReader(file);
        long start = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            byte[]? content = null;
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Length <= MetadataSizeLimit && entry.DataStream is not null)
            {
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                content = buffer.ToArray();
            }

            var end = DataOffset(entry) is var data and >= 0 ? data + (entry.Length + BlockSize - 1) / BlockSize * BlockSize : -1;
            entries.Add(new ArchiveEntrySpan(ArchiveEntries.NameOf(entry), start, end, entry.ModificationTime, content));
            start = end;
        }

        return new ArchiveContents(entries, file.Length);
    }

    /// <summary>Where the entry's data starts in the archive; -1 where the runtime does not say (.NET 8).</summary>
    private static long DataOffset(TarEntry entry) =>
#if NET9_0_OR_GREATER
        entry.DataOffset;
#else
        -1;
#endif
}
