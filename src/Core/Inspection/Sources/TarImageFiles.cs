using System.Formats.Tar;
using System.IO.Compression;

namespace ContainerHealth.Inspection.Sources;

/// <summary>
/// The files of an image archive (a tar file: OCI layout or docker-archive). The tar is indexed once from its headers and
/// files are read in place, so a layer is never copied. A gzip-compressed archive is first decompressed to a temporary file.
/// </summary>
public sealed class TarImageFiles : IImageFiles
{
    private readonly string tarPath;
    private readonly string? temporaryCopy;
    private readonly Dictionary<string, (long Offset, long Length)> files = new(StringComparer.Ordinal);

    private TarImageFiles(string tarPath, string? temporaryCopy)
    {
        this.tarPath = tarPath;
        this.temporaryCopy = temporaryCopy;
    }

    public static TarImageFiles Read(string archivePath)
    {
        string? decompressed = null;
        if (IsGzip(archivePath))
        {
            decompressed = Path.Combine(Path.GetTempPath(), "containerhealth-" + Guid.NewGuid().ToString("N") + ".tar");
            using var gzip = new GZipStream(File.OpenRead(archivePath), CompressionMode.Decompress);
            using var copy = File.Create(decompressed);
            gzip.CopyTo(copy);
        }

        var archive = new TarImageFiles(decompressed ?? archivePath, decompressed);
        try
        {
            archive.BuildIndex();
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    public bool Exists(string name) => files.ContainsKey(Normalize(name));

    public Stream Open(string name)
    {
        if (!files.TryGetValue(Normalize(name), out var place))
        {
            throw new FileNotFoundException($"the archive has no {name}", name);
        }

        var stream = File.OpenRead(tarPath);
        stream.Position = place.Offset;
        return new FileSegmentStream(stream, place.Length);
    }

    public void Dispose()
    {
        if (temporaryCopy is not null)
        {
            File.Delete(temporaryCopy);
        }
    }

    private void BuildIndex()
    {
        using var stream = File.OpenRead(tarPath);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            // On a seekable archive the reader stops right after the header: the file's data starts here.
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                files[Normalize(entry.Name)] = (stream.Position, entry.Length);
            }
        }
    }

    private static string Normalize(string name) => ImagePath.Normalize(name);

    private static bool IsGzip(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
    }
}
