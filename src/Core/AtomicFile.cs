namespace ContainerHealth;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, then moved over it, so a reader (the next build
/// step, a parallel build, the engine loading an archive) never sees half of it; the temporary goes when writing fails.
/// </summary>
public static class AtomicFile
{
    /// <summary>Creates the directory, lets <paramref name="writeTemporary"/> fill the temporary path, then moves it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".containerhealth-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static void WriteAllBytes(string path, byte[] content) => Write(path, temporary => File.WriteAllBytes(temporary, content));

    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));
}
