using System.Text.Json;

namespace ContainerHealth.Inspection;

/// <summary>Facts as a JSON file, for build steps that run in another process or target (lint, publish): written atomically.</summary>
public static class FactsFileWriter
{
    public static void Write(string path, ImageFacts facts)
    {
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(facts, CoreJsonContext.Indented.ImageFacts));
    }

    /// <summary>Null when the file is missing or unreadable (the inspection did not run for that RID).</summary>
    public static ImageFacts? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), CoreJsonContext.Indented.ImageFacts) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
