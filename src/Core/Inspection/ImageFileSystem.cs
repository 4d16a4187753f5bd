namespace ContainerHealth.Inspection;

/// <summary>
/// The file system an image's layers add up to, from tar headers: later layers replace earlier paths, whiteouts
/// (<c>.wh.NAME</c>) delete a lower path, opaque markers (<c>.wh..wh..opq</c>) empty a lower directory, hard links share
/// their target's mode, and lookups follow absolute and relative symlinks (merged /usr, busybox applets).
/// </summary>
public sealed class ImageFileSystem
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";
    private const int MaxSymlinkHops = 40;

    private readonly Dictionary<string, FileEntry> entries = new(StringComparer.Ordinal);
    private Dictionary<string, HashSet<string>>? children;

    public IEnumerable<FileEntry> Entries => entries.Values;

    public static ImageFileSystem FromEntries(IEnumerable<FileEntry> merged)
    {
        var fileSystem = new ImageFileSystem();
        foreach (var entry in merged)
        {
            fileSystem.entries[entry.Path] = entry;
        }

        return fileSystem;
    }

    /// <summary>Adds one layer on top. Its whiteouts hide only what lies below it, so they go first.</summary>
    public void Apply(IReadOnlyList<FileEntry> layer)
    {
        children = null;
        foreach (var entry in layer)
        {
            var name = ImagePath.Name(entry.Path);
            if (name == OpaqueMarker)
            {
                RemoveBelow(ImagePath.Parent(entry.Path));
            }
            else if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                var hidden = ImagePath.Join(ImagePath.Parent(entry.Path), name[WhiteoutPrefix.Length..]);
                entries.Remove(hidden);
                RemoveBelow(hidden);
            }
        }

        foreach (var entry in layer)
        {
            if (ImagePath.Name(entry.Path).StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (entries.TryGetValue(entry.Path, out var replaced) && replaced.Kind == FileKind.Directory)
            {
                if (entry.Kind == FileKind.Directory)
                {
                    // A directory entry over a directory only changes its metadata; the contents stay.
                    entries[entry.Path] = entry;
                    continue;
                }

                RemoveBelow(entry.Path);
            }

            var added = entry;
            if (entry is { Kind: FileKind.File, Link: { } inode } && entries.TryGetValue(ImagePath.Normalize(inode), out var target) && target.Kind == FileKind.File)
            {
                added = entry with { Mode = target.Mode };
            }

            entries[entry.Path] = added;
        }
    }

    /// <summary>The entry at <paramref name="path"/> (absolute, or relative to the root), following every symlink on the way.</summary>
    public FileEntry? Resolve(string path) => Resolve(path, followLast: true);

    /// <summary>The entry at <paramref name="path"/>, following symlinks in its directories but not the last one.</summary>
    public FileEntry? Find(string path) => Resolve(path, followLast: false);

    public bool IsExecutable(string path) => Resolve(path)?.IsExecutableFile == true;

    /// <summary>Names inside a directory (its symlinks followed), empty when it does not exist.</summary>
    public IReadOnlyList<string> List(string directory)
    {
        var resolved = Resolve(directory);
        if (resolved is not { Kind: FileKind.Directory })
        {
            return [];
        }

        children ??= IndexChildren();
        return children.TryGetValue(resolved.Path, out var names) ? names.Order(StringComparer.Ordinal).ToList() : [];
    }

    private FileEntry? Resolve(string path, bool followLast)
    {
        var remaining = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        remaining.Reverse();
        var current = "";
        var hops = 0;
        FileEntry result = new("", FileKind.Directory, 0b111_101_101);
        while (remaining.Count > 0)
        {
            var part = remaining[^1];
            remaining.RemoveAt(remaining.Count - 1);
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = ImagePath.Parent(current);
                result = new FileEntry(current, FileKind.Directory, 0b111_101_101);
                continue;
            }

            var candidate = ImagePath.Join(current, part);
            var entry = Lookup(candidate);
            if (entry is null)
            {
                return null;
            }

            if (entry.Kind == FileKind.Symlink && (remaining.Count > 0 || followLast))
            {
                if (++hops > MaxSymlinkHops || string.IsNullOrEmpty(entry.Link))
                {
                    return null;
                }

                var target = entry.Link.Split('/', StringSplitOptions.RemoveEmptyEntries);
                for (var i = target.Length - 1; i >= 0; i--)
                {
                    remaining.Add(target[i]);
                }

                if (entry.Link.StartsWith('/'))
                {
                    current = "";
                }

                continue;
            }

            if (remaining.Count > 0 && entry.Kind != FileKind.Directory)
            {
                return null;
            }

            current = candidate;
            result = entry;
        }

        return result;
    }

    private FileEntry? Lookup(string path)
    {
        if (entries.TryGetValue(path, out var entry))
        {
            return entry;
        }

        // Some layers list files without their parent directories; a parent that holds entries exists.
        children ??= IndexChildren();
        return children.ContainsKey(path) ? new FileEntry(path, FileKind.Directory, 0b111_101_101) : null;
    }

    private Dictionary<string, HashSet<string>> IndexChildren()
    {
        var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var path in entries.Keys)
        {
            var child = path;
            while (child.Length > 0)
            {
                var parent = ImagePath.Parent(child);
                if (!index.TryGetValue(parent, out var names))
                {
                    index[parent] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                if (!names.Add(ImagePath.Name(child)))
                {
                    break;
                }

                child = parent;
            }
        }

        return index;
    }

    private void RemoveBelow(string directory)
    {
        var prefix = directory.Length == 0 ? "" : directory + "/";
        foreach (var path in entries.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p != directory).ToList())
        {
            entries.Remove(path);
        }
    }
}
