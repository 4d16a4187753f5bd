using System.Globalization;
using ContainerHealth.Registry;

namespace ContainerHealth.Probe;

/// <summary>
/// SHA-256 digests of files, remembered in a small file by path, size and modification time: each publish asks for the
/// digests of the probes the package ships and of the one in the publish directory (about 2 MB each), which change only
/// when a file is replaced. A file whose size or time moved is read again; a missing or damaged cache file is empty.
/// </summary>
public sealed class FileDigestCache
{
    private readonly string cacheFile;
    private readonly Dictionary<string, Entry> entries;
    private bool changed;

    private FileDigestCache(string cacheFile, Dictionary<string, Entry> entries)
    {
        this.cacheFile = cacheFile;
        this.entries = entries;
    }

    public static FileDigestCache Load(string cacheFile)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.Exists(cacheFile) ? File.ReadAllLines(cacheFile) : [])
            {
                if (line.Split('\t', 4) is [var digest, var size, var ticks, var path]
                    && long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var time))
                {
                    entries[path] = new Entry(digest, length, time);
                }
            }
        }
        catch (IOException)
        {
            entries.Clear();
        }

        return new FileDigestCache(cacheFile, entries);
    }

    /// <summary><c>sha256:</c> and the file's digest in lower-case hex.</summary>
    public string DigestOf(string file)
    {
        var path = Path.GetFullPath(file);
        var info = new FileInfo(path);
        var (size, time) = (info.Length, info.LastWriteTimeUtc.Ticks);
        if (entries.TryGetValue(path, out var known) && known.Size == size && known.Time == time)
        {
            return known.Digest;
        }

        var digest = Hash(path);
        entries[path] = new Entry(digest, size, time);
        changed = true;
        return digest;
    }

    /// <summary>Writes the cache when a digest was computed; a cache that cannot be written only costs the next publish a hash.</summary>
    public void Save()
    {
        if (!changed)
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllText(cacheFile, string.Concat(entries
                .Where(e => File.Exists(e.Key))
                .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value.Digest}\t{e.Value.Size}\t{e.Value.Time}\t{e.Key}\n"))));
            changed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return ContentDigest.Compute(stream);
    }

    // A class: generic code over a value type of ours would be JIT-compiled in every publish (ReadyToRun cannot hold it).
    private sealed record Entry(string Digest, long Size, long Time);
}
