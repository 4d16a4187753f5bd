using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ContainerHealth.TestBed.Registry;

/// <summary>
/// Ground truth about a registry's tags, read with the distribution API directly (no client of ours in between): every
/// tag of every repository, the image it names, and whether that image is complete (its manifest, config and every
/// layer blob present; for an index, every manifest it lists and their blobs).
/// </summary>
public static class TagAudit
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    /// <summary>Each tag in <paramref name="repository"/>, with what is wrong with its image (empty when complete).</summary>
    public static async Task<IReadOnlyList<TaggedImage>> ReadAsync(TestRegistry registry, string repository)
    {
        using var client = registry.CreateClient();
        using var tagList = await client.GetAsync($"v2/{repository}/tags/list");
        if (tagList.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        tagList.EnsureSuccessStatusCode();
        using var tags = JsonDocument.Parse(await tagList.Content.ReadAsStringAsync());
        var images = new List<TaggedImage>();
        if (tags.RootElement.GetProperty("tags") is { ValueKind: JsonValueKind.Array } names)
        {
            foreach (var tag in names.EnumerateArray().Select(t => t.GetString()!))
            {
                var problems = new List<string>();
                var (digest, configs) = await ReadImageAsync(client, repository, tag, problems);
                images.Add(new TaggedImage(repository, tag, digest, problems, configs));
            }
        }

        return images;
    }

    private static async Task<(string? Digest, List<string> Configs)> ReadImageAsync(HttpClient client, string repository, string reference, List<string> problems)
    {
        var configs = new List<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            problems.Add($"manifest {reference}: {(int)response.StatusCode}");
            return (null, configs);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using var manifest = JsonDocument.Parse(bytes);
        if (manifest.RootElement.TryGetProperty("manifests", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                var (_, childConfigs) = await ReadImageAsync(client, repository, child.GetProperty("digest").GetString()!, problems);
                configs.AddRange(childConfigs);
            }

            return (digest, configs);
        }

        var config = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        using (var configResponse = await client.GetAsync($"v2/{repository}/blobs/{config}"))
        {
            if (configResponse.IsSuccessStatusCode)
            {
                configs.Add(await configResponse.Content.ReadAsStringAsync());
            }
            else
            {
                problems.Add($"config {config} of {reference}: {(int)configResponse.StatusCode}");
            }
        }

        foreach (var layer in manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!))
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{layer}"));
            if (!head.IsSuccessStatusCode)
            {
                problems.Add($"layer {layer} of {reference}: {(int)head.StatusCode}");
            }
        }

        return (digest, configs);
    }
}

/// <summary>One tag and the image it names; <see cref="Problems"/> is empty when every blob is there.</summary>
public sealed record TaggedImage(string Repository, string Tag, string? Digest, IReadOnlyList<string> Problems, IReadOnlyList<string> Configs)
{
    public bool IsComplete => Digest is not null && Problems.Count == 0;

    /// <summary>Whether its image config (every one, for an index) carries a Healthcheck: ContainerHealth's image, not the SDK's.</summary>
    public bool HasHealthcheck => Configs.Count > 0 && Configs.All(c => c.Contains("\"Healthcheck\"", StringComparison.Ordinal));

    public override string ToString() => $"{Repository}:{Tag} → {Digest ?? "(none)"}{(IsComplete ? "" : " BROKEN: " + string.Join("; ", Problems))}";
}
