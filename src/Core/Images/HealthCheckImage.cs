using System.Text;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Registry;

namespace ContainerHealth.Images;

/// <summary>
/// The image ContainerHealth publishes: the SDK's config with the decision record's Healthcheck written into it, and the
/// SDK's manifest pointed at that config. Every writer (registry push, archive rewrite, local engine, the multi-RID outer
/// build) takes the final bytes from here, so they agree because there is one computation, not because copies happen to
/// produce the same bytes. The layers are untouched, so only these two blobs need to be written or pushed.
/// </summary>
public sealed record HealthCheckImage(string Config, string ConfigDigest, string Manifest, string ManifestDigest, string ManifestMediaType)
{
    public byte[] ConfigBytes => Encoding.UTF8.GetBytes(Config);

    public byte[] ManifestBytes => Encoding.UTF8.GetBytes(Manifest);

    /// <summary>The final config and manifest for the image the SDK built from <paramref name="sdkConfig"/> and <paramref name="sdkManifest"/>.</summary>
    public static HealthCheckImage Create(string sdkConfig, string sdkManifest, HealthCheckDecisionRecord decision)
    {
        var (config, configDigest) = FinalConfig(sdkConfig, decision);
        return Of(config, ManifestConfig.Replace(sdkManifest, configDigest, Encoding.UTF8.GetByteCount(config)));
    }

    /// <summary>An image <see cref="Create"/> made, from its two documents (as a later step receives them).</summary>
    public static HealthCheckImage Of(string config, string manifest) => new(
        config,
        ContentDigest.Compute(Encoding.UTF8.GetBytes(config)),
        manifest,
        ContentDigest.Compute(Encoding.UTF8.GetBytes(manifest)),
        ManifestConfig.MediaType(manifest) ?? ImageMediaTypes.OciManifest);

    /// <summary>
    /// The final config alone, for images that have no manifest (a docker-archive). Only <c>config.Healthcheck</c> is ours;
    /// every other field stays as the SDK wrote it.
    /// </summary>
    public static (string Config, string Digest) FinalConfig(string sdkConfig, HealthCheckDecisionRecord decision)
    {
        var healthcheck = decision.Healthcheck
            ?? throw new InvalidDataException($"the decision record for '{decision.RuntimeIdentifier}' has no HEALTHCHECK to write");
        var root = JsonNode.Parse(sdkConfig) as JsonObject ?? throw new FormatException("the image config is not a JSON object");
        if (root["config"] is not JsonObject config)
        {
            config = new JsonObject();
            root["config"] = config;
        }

        config["Healthcheck"] = healthcheck.DeepClone();
        var json = root.ToJsonString();
        return (json, ContentDigest.Compute(Encoding.UTF8.GetBytes(json)));
    }
}
