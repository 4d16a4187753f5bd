using System.Formats.Tar;
using System.IO.Compression;
using ZstdSharp;

namespace ContainerHealth.Inspection;

/// <summary>
/// Reads the tar headers of one layer, never its file contents: the compression (gzip, zstd, none) is recognised from
/// the stream's first bytes, whatever the media type says. Reads the source to its end so a digest check can run.
/// </summary>
public static class LayerReader
{
    public static async Task<IReadOnlyList<FileEntry>> ReadAsync(Stream layer, CancellationToken cancellationToken = default)
    {
        var head = new byte[4];
        var headLength = 0;
        while (headLength < head.Length)
        {
            var read = await layer.ReadAsync(head.AsMemory(headLength), cancellationToken);
            if (read == 0)
            {
                break;
            }

            headLength += read;
        }

        var source = new PrefixedStream(head.AsMemory(0, headLength), layer);
        Stream tar = headLength >= 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(source, CompressionMode.Decompress, leaveOpen: true)
            : headLength == 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd ? new DecompressionStream(source, leaveOpen: true)
            : source;

        var entries = new List<FileEntry>();
        await using (tar)
        {
            using var reader = new TarReader(tar, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                var path = ImagePath.Normalize(entry.Name);
                var mode = (int)entry.Mode;
                FileEntry? mapped = entry.EntryType switch
                {
                    TarEntryType.Directory => new FileEntry(path, FileKind.Directory, mode),
                    TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => new FileEntry(path, FileKind.File, mode),
                    TarEntryType.SymbolicLink => new FileEntry(path, FileKind.Symlink, mode, entry.LinkName),
                    TarEntryType.HardLink => new FileEntry(path, FileKind.File, mode, "/" + ImagePath.Normalize(entry.LinkName)),
                    TarEntryType.GlobalExtendedAttributes => null,
                    _ => new FileEntry(path, FileKind.Other, mode),
                };
                if (mapped is not null && path.Length > 0)
                {
                    entries.Add(mapped);
                }
            }

            // Past the end-of-archive blocks: drain, so gzip checks its trailer and a verifying source sees its end.
            await tar.CopyToAsync(Stream.Null, cancellationToken);
        }

        await layer.CopyToAsync(Stream.Null, cancellationToken);
        return entries;
    }
}
