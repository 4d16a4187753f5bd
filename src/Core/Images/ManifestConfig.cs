using System.Text.Json.Nodes;

namespace ContainerHealth.Images;

/// <summary>Points an image manifest at a new config blob; the layers stay as they are.</summary>
public static class ManifestConfig
{
    public static string Replace(string manifestJson, string configDigest, long configSize)
    {
        var manifest = JsonNode.Parse(manifestJson) as JsonObject ?? throw new FormatException("the image manifest is not a JSON object");
        if (manifest["config"] is not JsonObject config)
        {
            throw new FormatException("the image manifest has no config descriptor");
        }

        config["digest"] = configDigest;
        config["size"] = configSize;
        return manifest.ToJsonString();
    }

    public static string ConfigDigest(string manifestJson) =>
        (JsonNode.Parse(manifestJson)?["config"]?["digest"]?.GetValue<string>()) ?? throw new FormatException("the image manifest has no config digest");

    public static IReadOnlyList<string> LayerDigests(string manifestJson) =>
        (JsonNode.Parse(manifestJson)?["layers"]?.AsArray() ?? [])
            .Select(l => l?["digest"]?.GetValue<string>() ?? throw new FormatException("a layer descriptor has no digest"))
            .ToArray();

    public static string? MediaType(string manifestJson) => JsonNode.Parse(manifestJson)?["mediaType"]?.GetValue<string>();
}
