using System.Text.Json;

namespace ContainerHealth.Registry;

internal static class RegistryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
