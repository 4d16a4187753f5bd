using System.Formats.Tar;
using System.IO.Compression;

namespace ContainerHealth.Inspection.Sources;

/// <summary>
/// The files of an image archive (a tar file: OCI layout or docker-archive), read in place so a layer is never copied:
/// opening a file walks the tar's headers (the reader seeks over the data) to that entry. A gzip-compressed archive is
/// first decompressed to a temporary file.
/// </summary>
public sealed class TarImageFiles : IImageFiles
{
    private readonly string tarPath;
    private readonly string? temporaryCopy;
    private readonly HashSet<string> files = new(StringComparer.Ordinal);

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

    public bool Exists(string name) => files.Contains(Normalize(name));

    public Stream Open(string name)
    {
        var wanted = Normalize(name);
        var file = File.OpenRead(tarPath);
        var reader = new TarReader(file);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.DataStream is { } data && Normalize(entry.Name) == wanted)
            {
                return new TarEntryStream(data, reader, file);
            }
        }

        reader.Dispose();
        file.Dispose();
        throw new FileNotFoundException($"the archive has no {name}", name);
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
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                files.Add(Normalize(entry.Name));
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
