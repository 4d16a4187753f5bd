using System.Text.Json;

namespace ContainerHealth.Snippets;

/// <summary>Quotes a string for YAML; a JSON string literal is a valid YAML double-quoted scalar.</summary>
public static class YamlScalar
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string value) => JsonSerializer.Serialize(value, Relaxed);

    public static string FlowSequence(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}
