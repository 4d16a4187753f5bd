namespace ContainerHealth.Inspection.Sources;

/// <summary>The files of an OCI image layout directory.</summary>
public sealed class DirectoryImageFiles(string directory) : IImageFiles
{
    public bool Exists(string name) => File.Exists(FullPath(name));

    public Stream Open(string name) =>
        Exists(name) ? File.OpenRead(FullPath(name)) : throw new FileNotFoundException($"{directory} has no {name}", name);

    public void Dispose()
    {
    }

    private string FullPath(string name) => Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));
}
