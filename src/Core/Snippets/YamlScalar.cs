using System.Text.Json;

namespace ContainerHealth.Snippets;

/// <summary>Quotes a string for YAML; a JSON string literal is a valid YAML double-quoted scalar.</summary>
public static class YamlScalar
{
    public static string Quote(string value) => JsonSerializer.Serialize(value, CoreJsonContext.Relaxed.String);

    public static string FlowSequence(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}
