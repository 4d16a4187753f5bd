namespace ContainerHealth.Cli.Tests;

/// <summary>A fresh directory under the temp folder, deleted with its contents on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "container-health-test-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
