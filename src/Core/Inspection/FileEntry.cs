namespace ContainerHealth.Inspection;

public enum FileKind
{
    Directory,
    File,
    Symlink,
    Other,
}

/// <summary>
/// One path of an image's file system as tar headers describe it. <see cref="Link"/> is a symlink's target, or for a
/// hard-linked file the path it shares its inode with (busybox applets are often hard links).
/// </summary>
public sealed record FileEntry(string Path, FileKind Kind, int Mode, string? Link = null)
{
    public bool IsExecutableFile => Kind == FileKind.File && (Mode & 0b001_001_001) != 0;
}
