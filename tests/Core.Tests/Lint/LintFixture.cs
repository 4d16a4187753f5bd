using ContainerHealth.Inspection;
using ContainerHealth.Lint;

namespace ContainerHealth.Core.Tests.Lint;

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

    public static readonly LintSettings Settings = new() { ContainerRepository = "shop-api", CheckPath = "/healthz", AppPort = 8080 };

    public static string Write(DirectoryInfo directory, string name, string content)
    {
        var path = Path.Combine(directory.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }
}
