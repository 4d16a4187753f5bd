using ContainerHealth.Inspection;
using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests;

/// <summary>Facts shaped like the test-bed images (the inspector's own tests prove these come out of real layers).</summary>
internal static class LintFixture
{
    public static readonly ImageFacts Chiseled = new()
    {
        Image = "localhost:5000/chiseled:10.0", Platform = "linux/amd64", Source = FactsSource.Layers, HasShell = false,
        ExecutablesOnPath = ["dotnet"], Libc = LibcKind.Glibc,
        Files = new Lazy<ImageFileSystem?>(() => null),
    };

    public static readonly ImageFacts Busybox = Chiseled with
    {
        Image = "localhost:5000/busybox:10.0", HasShell = true, ShellTarget = "/bin/busybox", ExecutablesOnPath = ["busybox", "dotnet", "sh", "wget"],
    };

    /// <summary>Busybox with its file system, so a program named by path can be found missing (not just unknown).</summary>
    public static readonly ImageFacts BusyboxWithFiles = Busybox with
    {
        ExecutablesOnPath = ["ash", "busybox", "dotnet", "sh", "wget"],
        Files = new Lazy<ImageFileSystem?>(() => ImageFileSystem.FromEntries(
        [
            new FileEntry("bin", FileKind.Directory, 0b111_101_101),
            new FileEntry("bin/busybox", FileKind.File, 0b111_101_101),
            new FileEntry("bin/sh", FileKind.Symlink, 0b111_111_111, "busybox"),
            new FileEntry("bin/ash", FileKind.Symlink, 0b111_111_111, "busybox"),
            new FileEntry("usr", FileKind.Directory, 0b111_101_101),
            new FileEntry("usr/bin", FileKind.Directory, 0b111_101_101),
            new FileEntry("usr/bin/wget", FileKind.Symlink, 0b111_111_111, "/bin/busybox"),
            new FileEntry("usr/bin/dotnet", FileKind.File, 0b111_101_101),
        ])),
    };

    public static readonly LintSettings Settings = new() { ContainerRepository = "shop-api", CheckPath = "/healthz", PortFallback = AppPorts.OfProject(8080) };

    public static string Write(TemporaryDirectory directory, string name, string content) => Write(directory.Info, name, content);

    public static string Write(DirectoryInfo directory, string name, string content)
    {
        var path = Path.Combine(directory.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }
}
