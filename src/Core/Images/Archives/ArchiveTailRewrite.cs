using System.Formats.Tar;

namespace ContainerHealth.Images.Archives;

/// <summary>
/// Applies a rewrite plan in place when everything it changes lies in the archive's tail of small entries, as in the
/// archives the SDK writes (layers first, then config, manifest and index): only that tail is rewritten, the layers
/// before it are neither read nor copied.
/// </summary>
/// <remarks>
/// Why not write a new file and rename it over the old one: that copies every layer (~70 MB for a small app), which
/// costs as much as the rest of our publish. Instead the archive goes from the old image to the new one through states
/// that each read as a complete archive, and each change of state is one write of one aligned 512-byte block (never
/// split across pages), so a failure or a kill at any point leaves a valid archive of the old image or of the new one:
/// <list type="number">
/// <item>The new tail (with its end-of-archive blocks) is written past the old end: readers stop at the old end, so
/// this is still the old archive. A failure here (a full disk) is undone by cutting the file back.</item>
/// <item>The old tail's first header becomes the header of a filler file whose data runs up to the new tail: the old
/// tail is now filler data, and the archive reads as the new image (with one extra file).</item>
/// <item>The new tail is written over the old one, inside the filler's data, all but its first block.</item>
/// <item>Its first block replaces the filler's header: the new tail is complete at its final place.</item>
/// <item>The file is cut at the new end; what lay past it was after the end-of-archive blocks.</item>
/// </list>
/// Like the SDK's own write of the archive, this is not flushed to the disk: it survives the process, not a power cut.
/// </remarks>
internal sealed class ArchiveTailRewrite
{
    private const int BlockSize = 512;
    private const long TailSizeLimit = 4 * 1024 * 1024;
    private const string FillerName = "containerhealth-superseded-entries";

    private readonly long tailStart;
    private readonly byte[] newTail;
    private readonly long oldLength;
    private readonly long copyStart;

    private ArchiveTailRewrite(long tailStart, byte[] newTail, long oldLength)
    {
        this.tailStart = tailStart;
        this.newTail = newTail;
        this.oldLength = oldLength;
        copyStart = RoundUp(Math.Max(oldLength, tailStart + newTail.Length));
    }

    /// <summary>The in-place rewrite of <paramref name="plan"/>; null when it changes entries among large ones.</summary>
    public static ArchiveTailRewrite? Prepare(string archivePath, ArchiveRewritePlan plan)
    {
        var entries = plan.Contents.Entries;
        if (entries.Any(e => e.Start < 0 || e.End < 0))
        {
            return null;
        }

        var first = 0;
        while (first < entries.Count && !plan.Changes(entries[first].Name))
        {
            first++;
        }

        var tailStart = first < entries.Count ? entries[first].Start : entries.Count > 0 ? entries[^1].End : 0;
        var kept = entries.Skip(first).Where(e => !plan.Changes(e.Name)).ToList();
        if (kept.Sum(e => e.End - e.Start) > TailSizeLimit)
        {
            return null;
        }

        var modified = entries.Skip(first).LastOrDefault(e => plan.Changes(e.Name))?.Modified ?? DateTimeOffset.UtcNow;
        using var tail = new MemoryStream();
        using (var file = File.OpenRead(archivePath))
        {
            foreach (var entry in kept)
            {
                file.Position = entry.Start;
                var raw = new byte[entry.End - entry.Start];
                file.ReadExactly(raw);
                tail.Write(raw);
            }

            // Step 1 relies on readers stopping at the old end; step 2 on the changed entries starting where they are said to.
            if (!EndsWithEndOfArchive(file, entries.Count > 0 ? entries[^1].End : 0)
                || (first < entries.Count && !StartsWithEntry(file, tailStart, entries[first].Name)))
            {
                return null;
            }
        }

        using (var writer = new TarWriter(tail, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, bytes) in plan.Added)
            {
                writer.WriteEntry(ArchiveEntries.RegularFile(name, bytes, modified));
            }
        }

        var newTail = tail.ToArray();
        return HoldsExactly(newTail, [.. kept.Select(e => e.Name), .. plan.Added.Keys]) ? new ArchiveTailRewrite(tailStart, newTail, plan.Contents.Length) : null;
    }

    /// <summary>The steps of the remarks, in order; each leaves a valid archive.</summary>
    internal IReadOnlyList<Action<FileStream>> Steps =>
    [
        AppendNewTail,
        file => Write(file, tailStart, FillerHeader(copyStart - tailStart - BlockSize)),
        file => Write(file, tailStart + BlockSize, newTail.AsSpan(BlockSize)),
        file => Write(file, tailStart, newTail.AsSpan(0, BlockSize)),
        file => file.SetLength(tailStart + newTail.Length),
    ];

    public void Apply(string archivePath)
    {
        using var file = new FileStream(archivePath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        foreach (var step in Steps)
        {
            step(file);
        }
    }

    private void AppendNewTail(FileStream file)
    {
        try
        {
            // The gap up to the copy is written too, so the later steps overwrite allocated blocks and cannot run out of space.
            Write(file, oldLength, new byte[copyStart - oldLength]);
            Write(file, copyStart, newTail);
        }
        catch (IOException)
        {
            file.SetLength(oldLength);
            throw;
        }
    }

    private static void Write(FileStream file, long position, ReadOnlySpan<byte> bytes)
    {
        file.Position = position;
        file.Write(bytes);
        file.Flush();
    }

    /// <summary>A ustar header (one block) for a regular file of <paramref name="length"/> bytes, from the BCL's writer.</summary>
    private static byte[] FillerHeader(long length)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, FillerName) { DataStream = new MemoryStream(new byte[length]) });
        }

        return buffer.GetBuffer()[..BlockSize];
    }

    private static bool EndsWithEndOfArchive(FileStream file, long end)
    {
        var marker = new byte[2 * BlockSize];
        if (file.Length - end < marker.Length)
        {
            return false;
        }

        file.Position = end;
        file.ReadExactly(marker);
        return marker.All(b => b == 0);
    }

    private static bool StartsWithEntry(FileStream file, long position, string name)
    {
        file.Position = position;
        using var reader = new TarReader(file, leaveOpen: true);
        return reader.GetNextEntry() is { } entry && ArchiveEntries.NameOf(entry) == name;
    }

    private static bool HoldsExactly(byte[] tail, IReadOnlyList<string> names)
    {
        using var reader = new TarReader(new MemoryStream(tail));
        var read = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            read.Add(ArchiveEntries.NameOf(entry));
        }

        return read.SequenceEqual(names, StringComparer.Ordinal);
    }

    private static long RoundUp(long position) => (position + BlockSize - 1) / BlockSize * BlockSize;
}
