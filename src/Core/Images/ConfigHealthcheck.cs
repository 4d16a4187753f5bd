using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Images;

/// <summary>
/// Docker's <c>config.Healthcheck</c> object and the <see cref="HealthCheckDefinition"/> it holds, both ways. Durations are
/// nanoseconds; zero fields are left out, as Docker does. <see cref="HealthCheckImage"/> writes it into an image config.
/// </summary>
public static class ConfigHealthcheck
{
    public static JsonObject ToJson(HealthCheckDefinition definition)
    {
        var healthcheck = new JsonObject
        {
            ["Test"] = new JsonArray(definition.Test.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        };
        AddNonZero(healthcheck, "Interval", definition.Interval.Nanoseconds);
        AddNonZero(healthcheck, "Timeout", definition.Timeout.Nanoseconds);
        AddNonZero(healthcheck, "StartPeriod", definition.StartPeriod.Nanoseconds);
        AddNonZero(healthcheck, "StartInterval", definition.StartInterval.Nanoseconds);
        AddNonZero(healthcheck, "Retries", definition.Retries);
        return healthcheck;
    }

    /// <summary>Reads <c>config.Healthcheck</c> back, or null when the config has none.</summary>
    public static HealthCheckDefinition? Read(string configJson)
    {
        return (JsonNode.Parse(configJson) as JsonObject)?["config"]?["Healthcheck"] is JsonObject healthcheck ? FromJson(healthcheck) : null;
    }

    /// <summary>Parses Docker's Healthcheck object, as <see cref="ToJson"/> writes it.</summary>
    public static HealthCheckDefinition FromJson(JsonObject healthcheck)
    {
        var test = healthcheck["Test"]?.AsArray().Select(t => t!.GetValue<string>()).ToArray() ?? [];
        return new HealthCheckDefinition(
            test,
            new DockerDuration(healthcheck["Interval"]?.GetValue<long>() ?? 0),
            new DockerDuration(healthcheck["Timeout"]?.GetValue<long>() ?? 0),
            new DockerDuration(healthcheck["StartPeriod"]?.GetValue<long>() ?? 0),
            new DockerDuration(healthcheck["StartInterval"]?.GetValue<long>() ?? 0),
            healthcheck["Retries"]?.GetValue<int>() ?? 0);
    }

    private static void AddNonZero(JsonObject target, string name, long value)
    {
        if (value != 0)
        {
            target[name] = value;
        }
    }
}
