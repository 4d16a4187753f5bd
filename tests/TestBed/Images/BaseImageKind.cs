namespace ContainerHealth.TestBed.Images;

/// <summary>The fixture base images; see <see cref="BaseImageRecipes"/> for what each one holds.</summary>
public enum BaseImageKind
{
    /// <summary>Like mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled: glibc + .NET, no shell, no curl/wget, user 1654.</summary>
    Chiseled,

    /// <summary>Like aspnet:10.0: chiseled plus /bin/sh (dash) and a few coreutils, /bin -> usr/bin, no curl/wget.</summary>
    NobleLike,

    /// <summary>Chiseled plus busybox with <c>/bin/sh</c> and <c>/usr/bin/wget</c> as symlinks to /bin/busybox (as alpine), no curl.</summary>
    Busybox,

    /// <summary>Chiseled plus busybox with <c>/bin/sh</c> and <c>/bin/wget</c> as hard links of /bin/busybox, no curl.</summary>
    BusyboxHardlinks,

    /// <summary>Like cgr.dev/chainguard/static: no libc, no shell; /etc/passwd, /etc/group, CA certs; user 65532.</summary>
    Static,

    /// <summary>NobleLike plus an upper layer whose whiteouts (<c>usr/bin/.wh.sh</c>, <c>usr/bin/.wh.dash</c>) delete the shell.</summary>
    ShellWhitedOut,

    /// <summary>Busybox plus an upper layer that makes <c>/bin</c> opaque (<c>bin/.wh..wh..opq</c>): busybox, sh and wget are gone.</summary>
    ShellHiddenByOpaqueDirectory,

    /// <summary>An OCI index: linux/amd64 = Chiseled, linux/arm64/v8 = a minimal valid arm64 image (base files only).</summary>
    MultiPlatform,
}
