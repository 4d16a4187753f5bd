using System.Globalization;
using System.Text.Json;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Images;

/// <summary>
/// A HEALTHCHECK as a Dockerfile instruction, for engines that take a one-line <c>FROM</c> + <c>HEALTHCHECK</c> build
/// (a new config over the same layers) instead of a save and load of the whole image.
/// </summary>
public static class HealthCheckInstruction
{
    /// <param name="withStartInterval">Only Docker 25+ (API 1.44) knows <c>--start-interval</c>; older builders refuse it.</param>
    public static string Create(HealthCheckDefinition definition, bool withStartInterval)
    {
        if (definition.Test is [var none] && none == "NONE")
        {
            return "HEALTHCHECK NONE";
        }

        var options = new List<string>();
        Add(options, "interval", definition.Interval);
        Add(options, "timeout", definition.Timeout);
        Add(options, "start-period", definition.StartPeriod);
        if (withStartInterval)
        {
            Add(options, "start-interval", definition.StartInterval);
        }

        if (definition.Retries > 0)
        {
            options.Add("--retries=" + definition.Retries.ToString(CultureInfo.InvariantCulture));
        }

        var command = definition.IsShellForm ? definition.Test[1] : ExecForm(definition.Arguments);
        return $"HEALTHCHECK {string.Join(' ', options)} CMD {command}".Replace("  ", " ", StringComparison.Ordinal);
    }

    /// <summary>The exec form of a Dockerfile instruction's command: its arguments as a JSON array.</summary>
    public static string ExecForm(IReadOnlyList<string> arguments) => JsonSerializer.Serialize(arguments, CoreJsonContext.Plain.IReadOnlyListString);

    private static void Add(List<string> options, string name, DockerDuration duration)
    {
        if (!duration.IsZero)
        {
            options.Add($"--{name}={duration}");
        }
    }
}
