namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Resolves an absolute path inside an unpacked root filesystem the way the kernel would inside the container: symlinks
/// (absolute ones too) are followed within the rootfs, never out to the host's files.
/// </summary>
public static class RootfsPath
{
    private const int MaxSymlinks = 40;

    /// <summary>The host path of what <paramref name="path"/> names inside <paramref name="rootfs"/>, or null if nothing.</summary>
    public static string? Resolve(string rootfs, string path)
    {
        var pending = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var host = Path.Combine([rootfs, .. resolved, part]);
            var info = new FileInfo(host);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxSymlinks)
                {
                    return null;
                }

                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                foreach (var segment in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(segment);
                }

                continue;
            }

            if (!info.Exists && !Directory.Exists(host))
            {
                return null;
            }

            resolved.Add(part);
        }

        return Path.Combine([rootfs, .. resolved]);
    }

    public static bool Exists(string rootfs, string path) => Resolve(rootfs, path) is not null;

    /// <summary>True when the last component of <paramref name="path"/> is itself a symlink (not followed).</summary>
    public static bool IsSymlink(string rootfs, string path)
    {
        var parent = Resolve(rootfs, Path.GetDirectoryName(path) ?? "/");
        return parent is not null && new FileInfo(Path.Combine(parent, Path.GetFileName(path))).LinkTarget is not null;
    }
}
