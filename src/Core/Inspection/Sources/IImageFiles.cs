namespace ContainerHealth.Inspection.Sources;

/// <summary>The files of an image stored locally, by their path inside the store (e.g. <c>index.json</c>, <c>blobs/sha256/HEX</c>).</summary>
public interface IImageFiles : IDisposable
{
    bool Exists(string name);

    /// <summary>Opens a file; <see cref="FileNotFoundException"/> when the store has none by that name.</summary>
    Stream Open(string name);
}
