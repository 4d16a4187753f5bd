using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;

namespace ContainerHealth;

/// <summary>
/// Serialization code for every type Core reads or writes as JSON, generated at compile time: a publish starts a fresh
/// MSBuild, where reflection-based System.Text.Json would emit and JIT-compile accessors for each type on first use.
/// <see cref="Default"/> is the web convention (camelCase) of the cache and the registry's documents; the other
/// instances are the same metadata with the options of the files people read and of docker's own formats.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImageFacts))]
[JsonSerializable(typeof(IEnumerable<FileEntry>))]
[JsonSerializable(typeof(List<FileEntry>))]
[JsonSerializable(typeof(HealthCheckDecisionRecord))]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(DockerSaveManifest.Entry[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary>Web convention, indented: the facts and decision files beside a build, which people open.</summary>
    public static CoreJsonContext Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>The serializer's own defaults: docker's PascalCase names (docker-archive manifest.json), default escaping.</summary>
    public static CoreJsonContext Plain { get; } = new(new JsonSerializerOptions());

    /// <summary>Only what JSON requires is escaped (a JSON string is a YAML double-quoted scalar; snippets stay readable).</summary>
    public static CoreJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
