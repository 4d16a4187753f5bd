using System.Text.Json.Nodes;

namespace ContainerHealth.Images;

/// <summary>Points an image index's entries at replaced manifests (matched by their old digest).</summary>
public static class IndexManifests
{
    public static string Replace(string indexJson, IReadOnlyDictionary<string, BlobDescriptor> replacements)
    {
        var index = JsonNode.Parse(indexJson) as JsonObject ?? throw new FormatException("the image index is not a JSON object");
        foreach (var entry in index["manifests"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (entry["digest"]?.GetValue<string>() is { } digest && replacements.TryGetValue(digest, out var replacement))
            {
                entry["digest"] = replacement.Digest;
                entry["size"] = replacement.Size;
            }
        }

        return index.ToJsonString();
    }

    public static IReadOnlyList<BlobDescriptor> Entries(string indexJson) =>
        (JsonNode.Parse(indexJson)?["manifests"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(e => new BlobDescriptor(
                e["digest"]?.GetValue<string>() ?? throw new FormatException("an image index entry has no digest"),
                e["size"]?.GetValue<long>() ?? 0,
                e["mediaType"]?.GetValue<string>()))
            .ToArray();
}
