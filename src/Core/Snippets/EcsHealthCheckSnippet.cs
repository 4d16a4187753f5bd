using System.Text.Json;
using System.Text.Json.Nodes;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Snippets;

/// <summary>
/// The ECS task definition <c>healthCheck</c> object for the image's check. ECS ignores the image HEALTHCHECK, so the
/// check must be repeated in the task definition; ECS counts in whole seconds and only within its own ranges.
/// </summary>
public static class EcsHealthCheckSnippet
{
    public const string FileName = "ecs-healthcheck.json";

    public static readonly EcsRange Interval = new("interval", 5, 300);
    public static readonly EcsRange Timeout = new("timeout", 2, 120);
    public static readonly EcsRange StartPeriod = new("startPeriod", 0, 300);
    public static readonly EcsRange Retries = new("retries", 1, 10);

    public static SnippetResult Create(HealthCheckDefinition definition)
    {
        var diagnostics = new List<Diagnostic>();
        var snippet = new JsonObject
        {
            ["command"] = new JsonArray(definition.Test.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            [Interval.Field] = Clamp(Interval, "ContainerHealthCheckInterval", definition.Interval, diagnostics),
            [Timeout.Field] = Clamp(Timeout, "ContainerHealthCheckTimeout", definition.Timeout, diagnostics),
            [Retries.Field] = Clamp(Retries, "ContainerHealthCheckRetries", definition.Retries, definition.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics),
            [StartPeriod.Field] = Clamp(StartPeriod, "ContainerHealthCheckStartPeriod", definition.StartPeriod, diagnostics),
        };
        var text = snippet.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new SnippetResult(FileName, text + "\n", diagnostics);
    }

    private static int Clamp(EcsRange range, string property, DockerDuration duration, List<Diagnostic> diagnostics)
    {
        var seconds = (long)Math.Ceiling(duration.Nanoseconds / 1e9);
        return Clamp(range, property, seconds, duration.ToString(), diagnostics, rounded: seconds * 1_000_000_000 != duration.Nanoseconds);
    }

    private static int Clamp(EcsRange range, string property, long value, string shown, List<Diagnostic> diagnostics, bool rounded = false)
    {
        var clamped = (int)Math.Clamp(value, range.Minimum, range.Maximum);
        if (clamped != value || rounded)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidValue,
                DiagnosticSeverity.Warning,
                $"ECS accepts {range.Field} from {range.Minimum} to {range.Maximum} whole {range.Unit}; {property} is {shown}, so {EcsHealthCheckSnippet.FileName} says {clamped}. Set {property} within that range to make the image and the ECS check agree."));
        }

        return clamped;
    }

    public sealed record EcsRange(string Field, int Minimum, int Maximum)
    {
        public string Unit => Field == "retries" ? "retries" : "seconds";
    }
}
