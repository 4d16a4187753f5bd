namespace ContainerHealth.Testing;

/// <summary>A fresh directory under the temp folder, deleted with its contents on dispose. The one temporary-directory
/// helper of the test projects (tests/Directory.Build.props compiles it into each).</summary>
public sealed class TemporaryDirectory(string prefix = "ch-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public DirectoryInfo Info => new(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
