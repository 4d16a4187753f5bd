using System.Text.Json.Nodes;

namespace ContainerHealth.TestBed.Images;

/// <summary>
/// What every fixture base image holds, made from this machine's own files: the .NET host and shared runtimes from the
/// SDK install, their glibc closure (ldd), dash and coreutils, busybox-static. Layers are shared between images.
/// </summary>
public sealed class BaseImageRecipes
{
    public const string DotnetRoot = "/usr/share/dotnet";
    public const int AppUid = 1654;
    public const int NonrootUid = 65532;

    private static readonly string[] Coreutils = ["cat", "echo", "ls", "id", "env", "true", "false", "sleep"];

    private BaseImageRecipes(IReadOnlyDictionary<string, IReadOnlyList<LayerEntry>> layers, IReadOnlyList<ImageRecipe> images)
    {
        Layers = layers;
        Images = images;
    }

    /// <summary>Layer name → entries.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LayerEntry>> Layers { get; }

    /// <summary>Single-platform images; <see cref="BaseImageKind.MultiPlatform"/> appears once per platform.</summary>
    public IReadOnlyList<ImageRecipe> Images { get; }

    public static async Task<BaseImageRecipes> CreateAsync()
    {
        var dotnet = DotnetLayer();
        var dotnetElves = dotnet.OfType<LayerEntry.HostFile>().Select(f => f.Source).Where(IsElf).ToList();
        var glibc = await SharedLibraryClosure.FindAsync(
            dotnetElves,
            dlopened: ["/usr/lib/x86_64-linux-gnu/libssl.so.3", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3"]);
        var shellTools = new[] { "/usr/bin/dash" }.Concat(Coreutils.Select(c => "/usr/bin/" + c)).ToList();
        var shellLibraries = (await SharedLibraryClosure.FindAsync(shellTools)).Where(l => glibc.All(g => g.Path != l.Path));

        var layers = new Dictionary<string, IReadOnlyList<LayerEntry>>
        {
            ["base-files"] = BaseFilesLayer(),
            ["glibc"] = [new LayerEntry.Symlink("lib", "usr/lib"), new LayerEntry.Symlink("lib64", "usr/lib64"), .. WithParents(glibc)],
            ["dotnet"] = dotnet,
            ["noble-shell"] = NobleShellLayer(shellTools, shellLibraries),
            ["busybox-symlinks"] = WithParents([
                new LayerEntry.HostFile("bin/busybox", "/usr/bin/busybox"),
                new LayerEntry.Symlink("bin/sh", "/bin/busybox"),
                new LayerEntry.Symlink("usr/bin/wget", "/bin/busybox"),
            ]),
            ["busybox-hardlinks"] = WithParents([
                new LayerEntry.HostFile("bin/busybox", "/usr/bin/busybox"),
                new LayerEntry.Hardlink("bin/sh", "bin/busybox", File.GetUnixFileMode("/usr/bin/busybox")),
                new LayerEntry.Hardlink("bin/wget", "bin/busybox", File.GetUnixFileMode("/usr/bin/busybox")),
            ]),
            ["whiteout-shell"] = [new LayerEntry.Directory("usr"), new LayerEntry.Directory("usr/bin"), new LayerEntry.Whiteout("usr/bin/sh"), new LayerEntry.Whiteout("usr/bin/dash")],
            ["opaque-bin"] = [new LayerEntry.Directory("bin"), new LayerEntry.OpaqueDirectory("bin")],
        };

        string[] chiseled = ["base-files", "glibc", "dotnet"];
        var amd64 = ImagePlatform.Amd64;
        var images = new List<ImageRecipe>
        {
            new(BaseImageKind.Chiseled, amd64, chiseled, DotnetConfig()),
            new(BaseImageKind.NobleLike, amd64, [.. chiseled, "noble-shell"], DotnetConfig()),
            new(BaseImageKind.Busybox, amd64, [.. chiseled, "busybox-symlinks"], DotnetConfig()),
            new(BaseImageKind.BusyboxHardlinks, amd64, [.. chiseled, "busybox-hardlinks"], DotnetConfig()),
            new(BaseImageKind.Static, amd64, ["base-files"], StaticConfig()),
            new(BaseImageKind.ShellWhitedOut, amd64, [.. chiseled, "noble-shell", "whiteout-shell"], DotnetConfig()),
            new(BaseImageKind.ShellHiddenByOpaqueDirectory, amd64, [.. chiseled, "busybox-symlinks", "opaque-bin"], DotnetConfig()),
            new(BaseImageKind.MultiPlatform, amd64, chiseled, DotnetConfig()),
            new(BaseImageKind.MultiPlatform, ImagePlatform.Arm64, ["base-files"], DotnetConfig()),
        };
        return new BaseImageRecipes(layers, images);
    }

    /// <summary>The env of Microsoft's aspnet images (DOTNET_VERSION etc. from the SDK install's runtime).</summary>
    public static JsonObject DotnetConfig() => new()
    {
        ["User"] = AppUid.ToString(),
        ["Env"] = new JsonArray(
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            $"APP_UID={AppUid}",
            "ASPNETCORE_HTTP_PORTS=8080",
            "DOTNET_RUNNING_IN_CONTAINER=true",
            "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true",
            $"DOTNET_VERSION={RuntimeVersion("Microsoft.NETCore.App")}",
            $"ASPNET_VERSION={RuntimeVersion("Microsoft.AspNetCore.App")}"),
    };

    public static JsonObject StaticConfig() => new()
    {
        ["User"] = NonrootUid.ToString(),
        ["Env"] = new JsonArray(
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"),
        ["WorkingDir"] = "/home/nonroot",
    };

    public static string RuntimeVersion(string framework) =>
        Directory.GetDirectories(Path.Combine(DotnetRoot, "shared", framework))
            .Select(Path.GetFileName)
            .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version())
            .First()!;

    private static IReadOnlyList<LayerEntry> BaseFilesLayer() => WithParents([
        new LayerEntry.TextFile("etc/passwd", $"root:x:0:0:root:/root:/noshell\napp:x:{AppUid}:{AppUid}::/home/app:/noshell\nnonroot:x:{NonrootUid}:{NonrootUid}::/home/nonroot:/noshell\n"),
        new LayerEntry.TextFile("etc/group", $"root:x:0:\napp:x:{AppUid}:\nnonroot:x:{NonrootUid}:\n"),
        new LayerEntry.TextFile("etc/hosts", "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n"),
        new LayerEntry.TextFile("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n"),
        new LayerEntry.HostFile("etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt", LayerEntry.DefaultFileMode),
        new LayerEntry.Directory("tmp", (UnixFileMode)0b1_111_111_111),
        new LayerEntry.Directory("root", (UnixFileMode)0b111_000_000),
        new LayerEntry.Directory("home/app"),
        new LayerEntry.Directory("home/nonroot"),
    ]);

    private static IReadOnlyList<LayerEntry> DotnetLayer()
    {
        var entries = new List<LayerEntry>
        {
            new LayerEntry.HostFile("usr/share/dotnet/dotnet", Path.Combine(DotnetRoot, "dotnet")),
            new LayerEntry.HostFile("usr/share/dotnet/LICENSE.txt", Path.Combine(DotnetRoot, "LICENSE.txt")),
            new LayerEntry.Symlink("usr/bin/dotnet", "/usr/share/dotnet/dotnet"),
        };
        string[] trees =
        [
            Path.Combine("host", "fxr", RuntimeVersion("Microsoft.NETCore.App")),
            Path.Combine("shared", "Microsoft.NETCore.App", RuntimeVersion("Microsoft.NETCore.App")),
            Path.Combine("shared", "Microsoft.AspNetCore.App", RuntimeVersion("Microsoft.AspNetCore.App")),
        ];
        foreach (var tree in trees)
        {
            var source = Path.Combine(DotnetRoot, tree);
            if (!Directory.Exists(source))
            {
                // hostfxr is versioned by the SDK's own runtime; fall back to the newest one present.
                source = Directory.GetDirectories(Path.GetDirectoryName(source)!).Order(StringComparer.Ordinal).Last();
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                entries.Add(new LayerEntry.HostFile("usr/share/dotnet/" + Path.GetRelativePath(DotnetRoot, file), file));
            }
        }

        return WithParents(entries);
    }

    private static IReadOnlyList<LayerEntry> NobleShellLayer(IReadOnlyList<string> tools, IEnumerable<LayerEntry.HostFile> libraries)
    {
        var entries = new List<LayerEntry>
        {
            new LayerEntry.Symlink("bin", "usr/bin"),
            new LayerEntry.Symlink("sbin", "usr/sbin"),
            new LayerEntry.Directory("usr/sbin"),
            new LayerEntry.Symlink("usr/bin/sh", "dash"),
        };
        entries.AddRange(tools.Select(t => new LayerEntry.HostFile(t.TrimStart('/'), t)));
        entries.AddRange(libraries);
        return WithParents(entries);
    }

    /// <summary>Adds the parent directories each entry needs (tar readers cope without, but real images have them).</summary>
    private static IReadOnlyList<LayerEntry> WithParents(IEnumerable<LayerEntry> entries)
    {
        var result = new List<LayerEntry>();
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var parent = string.Join('/', parts[..i]);
                if (directories.Add(parent))
                {
                    result.Add(new LayerEntry.Directory(parent));
                }
            }

            if (entry is LayerEntry.Directory directory && !directories.Add(directory.Path))
            {
                continue;
            }

            result.Add(entry);
        }

        return result;
    }

    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }
}
