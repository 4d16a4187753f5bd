namespace ContainerHealth.TestBed.Images;

/// <summary>Repository and tag of each fixture base image in a test registry.</summary>
public static class BaseImageNames
{
    public static string Repository(BaseImageKind kind) => kind switch
    {
        BaseImageKind.Chiseled => "chiseled",
        BaseImageKind.NobleLike => "noble-like",
        BaseImageKind.Busybox => "busybox",
        BaseImageKind.BusyboxHardlinks => "busybox-hardlinks",
        BaseImageKind.Static => "static",
        BaseImageKind.ShellWhitedOut => "shell-whited-out",
        BaseImageKind.ShellHiddenByOpaqueDirectory => "shell-opaque-dir",
        BaseImageKind.MultiPlatform => "multi-platform",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Tag(BaseImageKind kind) => kind == BaseImageKind.Static ? "latest" : "10.0";
}
