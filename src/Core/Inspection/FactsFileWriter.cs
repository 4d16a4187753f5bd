using System.Text.Json;

namespace ContainerHealth.Inspection;

/// <summary>Facts as a JSON file, for build steps that run in another process or target (lint, publish): written atomically.</summary>
public static class FactsFileWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string path, ImageFacts facts)
    {
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(facts, Json));
    }

    /// <summary>Null when the file is missing or unreadable (the inspection did not run for that RID).</summary>
    public static ImageFacts? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImageFacts>(File.ReadAllBytes(path), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
