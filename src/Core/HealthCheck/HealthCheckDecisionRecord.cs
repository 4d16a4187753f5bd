using System.Text.Json;
using System.Text.Json.Nodes;
using ContainerHealth.Images;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The decision for one runtime identifier as every later step reads it — image writers, snippets, lint, the final
/// report — saved by the decide step next to the base-image facts it read. Loose properties are not re-derived
/// downstream: a step that needs the port, path, protocol, Host header or the HEALTHCHECK reads them here.
/// </summary>
public sealed record HealthCheckDecisionRecord
{
    public string RuntimeIdentifier { get; init; } = "";

    /// <summary>http, grpc or tcp; <c>command</c> when the check is the project's ContainerHealthCheckCommand.</summary>
    public string Protocol { get; init; } = "http";

    /// <summary>The path an http check probes (for the other protocols, the path the project set or the default).</summary>
    public string Path { get; init; } = HealthCheckDefaults.Path;

    /// <summary><see cref="ProbePathChoice.ProjectSource"/>, <see cref="ProbePathChoice.AppSource"/> or <see cref="ProbePathChoice.DefaultSource"/>.</summary>
    public string PathSource { get; init; } = "";

    public int Port { get; init; } = HealthCheckDefaults.Port;

    public string PortSource { get; init; } = "";

    /// <summary>The port is written into the check (the probe cannot read it from the environment at run time).</summary>
    public bool PortPinned { get; init; }

    /// <summary>An environment set at deploy time cannot move the app off <see cref="Port"/>.</summary>
    public bool PortOverridesEnvironment { get; init; }

    public string Service { get; init; } = "";

    /// <summary>The Host header an http check sends because the app's host filter rejects localhost; empty for none.</summary>
    public string HostHeader { get; init; } = "";

    public string HostHeaderSource { get; init; } = "";

    /// <summary>The app's health endpoints as its assembly recorded them, or null when it carried no record.</summary>
    public AppEndpointsSeen? AppEndpoints { get; init; }

    /// <summary>The build output's line about a path chosen from the app's endpoints, or empty.</summary>
    public string PathChoice { get; init; } = "";

    /// <summary>The CH1018 message when the probed path is not confirmed to answer in Production, or empty.</summary>
    public string PathUnconfirmed { get; init; } = "";

    public bool ProbeEnabled { get; init; } = true;

    public string ProbePathInImage { get; init; } = "";

    /// <summary>The runtime identifier of the probe copied into the image, or empty when none is.</summary>
    public string ProbeRuntimeIdentifier { get; init; } = "";

    /// <summary>ContainerHealthCheckCommand as the project set it, or empty.</summary>
    public string Command { get; init; } = "";

    public string WorkingDirectory { get; init; } = "/app/";

    /// <summary>Docker's <c>config.Healthcheck</c> object (Test, durations in nanoseconds, Retries), or null for no HEALTHCHECK.</summary>
    public JsonObject? Healthcheck { get; init; }

    /// <summary>The base-image facts file this decision read, written by this publish's inspection; empty when none was.</summary>
    public string FactsFile { get; init; } = "";

    public bool ProbeCopied => ProbeRuntimeIdentifier.Length > 0;

    /// <summary><see cref="Protocol"/> as the probe speaks it; http for a command, whose protocol describes the app.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public HealthCheckProtocol ProbeProtocol => Enum.TryParse<HealthCheckProtocol>(Protocol, ignoreCase: true, out var protocol) ? protocol : HealthCheckProtocol.Http;

    public HealthCheckDefinition? Definition() => Healthcheck is null ? null : ConfigHealthcheck.FromJson(Healthcheck);

    /// <summary>Docker's Healthcheck object as JSON text, or empty.</summary>
    public string HealthcheckJson() => Healthcheck?.ToJsonString() ?? "";

    public static HealthCheckDecisionRecord From(HealthCheckDecision decision, HealthCheckSettings settings, ContainerFacts facts, string factsFile) => new()
    {
        RuntimeIdentifier = facts.RuntimeIdentifier,
        Protocol = decision.CustomCommand ? "command" : HealthCheckProtocolChoice.Name(decision.Protocol),
        Path = decision.Path,
        PathSource = decision.ProbePath.Source,
        Port = decision.Port.Number,
        PortSource = decision.Port.Source,
        PortPinned = decision.Port.Pinned,
        PortOverridesEnvironment = decision.Port.OverridesEnvironment,
        Service = decision.Service,
        HostHeader = decision.HostHeader?.Host ?? "",
        HostHeaderSource = decision.HostHeader?.Source ?? "",
        AppEndpoints = decision.ProbePath.Seen,
        PathChoice = decision.ProbePath.ChoiceLine ?? "",
        PathUnconfirmed = decision.ProbePath.Unconfirmed ?? "",
        ProbeEnabled = !string.Equals(settings.Probe.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        ProbePathInImage = decision.ProbePathInImage,
        ProbeRuntimeIdentifier = decision.ProbeRuntimeIdentifier ?? "",
        Command = settings.Command.Trim(),
        WorkingDirectory = string.IsNullOrWhiteSpace(facts.WorkingDirectory) ? "/app/" : facts.WorkingDirectory.Trim(),
        Healthcheck = decision.Definition is null ? null : ConfigHealthcheck.ToJson(decision.Definition),
        FactsFile = factsFile,
    };
}

/// <summary>
/// Where the decision records live and how they are written and read: one file per runtime identifier, written
/// atomically by the decide step, which first deletes the one an earlier publish left (a failed decision leaves none).
/// </summary>
public static class HealthCheckDecisionFile
{
    public static string PathFor(string directory, string runtimeIdentifier) =>
        System.IO.Path.Combine(directory, (runtimeIdentifier.Length == 0 ? "any" : runtimeIdentifier) + ".json");

    public static void Write(string path, HealthCheckDecisionRecord record) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Indented.HealthCheckDecisionRecord));

    /// <summary>The record, or null when the file is missing or unreadable (no decision was made for that RID in this publish).</summary>
    public static HealthCheckDecisionRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), CoreJsonContext.Indented.HealthCheckDecisionRecord) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
