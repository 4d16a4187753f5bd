namespace ContainerHealth.TestBed.Images;

/// <summary>One entry of an image layer tar. Paths are relative to the image root, without a leading slash.</summary>
public abstract record LayerEntry(string Path)
{
    public sealed record Directory(string Path, UnixFileMode Mode = DefaultDirectoryMode) : LayerEntry(Path);

    /// <summary>A regular file whose bytes come from <paramref name="Source"/> on this machine (symlinks followed).</summary>
    public sealed record HostFile(string Path, string Source, UnixFileMode? Mode = null) : LayerEntry(Path);

    public sealed record TextFile(string Path, string Contents, UnixFileMode Mode = DefaultFileMode) : LayerEntry(Path);

    public sealed record Symlink(string Path, string Target) : LayerEntry(Path);

    /// <summary>
    /// A hard link to <paramref name="Target"/>, an earlier entry of the same layer. Its header carries the shared inode's
    /// <paramref name="Mode"/>, as GNU tar writes it: Docker applies a hard link header's mode to the inode.
    /// </summary>
    public sealed record Hardlink(string Path, string Target, UnixFileMode Mode) : LayerEntry(Path);

    /// <summary>An OCI whiteout: <c>dir/.wh.name</c> deletes <c>dir/name</c> of the layers below.</summary>
    public sealed record Whiteout(string Path) : LayerEntry(Path);

    /// <summary>An OCI opaque directory marker: <c>dir/.wh..wh..opq</c> hides everything below <c>dir</c> in lower layers.</summary>
    public sealed record OpaqueDirectory(string Path) : LayerEntry(Path);

    public const UnixFileMode DefaultDirectoryMode = (UnixFileMode)0b111_101_101;

    public const UnixFileMode DefaultFileMode = (UnixFileMode)0b110_100_100;
}
