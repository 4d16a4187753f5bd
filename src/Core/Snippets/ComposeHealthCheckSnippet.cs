using System.Globalization;
using System.Text;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Snippets;

/// <summary>The compose <c>healthcheck</c> block for a service running the image (compose uses Docker's duration syntax).</summary>
public static class ComposeHealthCheckSnippet
{
    public const string FileName = "compose-healthcheck.yaml";

    public static SnippetResult Create(HealthCheckDefinition definition, string serviceName)
    {
        var text = new StringBuilder()
            .AppendLine("services:")
            .AppendLine(CultureInfo.InvariantCulture, $"  {ServiceKey(serviceName)}:")
            .AppendLine("    healthcheck:")
            .AppendLine(CultureInfo.InvariantCulture, $"      test: {YamlScalar.FlowSequence(definition.Test)}")
            .AppendLine(CultureInfo.InvariantCulture, $"      interval: {definition.Interval}")
            .AppendLine(CultureInfo.InvariantCulture, $"      timeout: {definition.Timeout}")
            .AppendLine(CultureInfo.InvariantCulture, $"      retries: {definition.Retries}")
            .AppendLine(CultureInfo.InvariantCulture, $"      start_period: {definition.StartPeriod}")
            .AppendLine(CultureInfo.InvariantCulture, $"      start_interval: {definition.StartInterval}")
            .ToString();
        return new SnippetResult(FileName, text, []);
    }

    // Compose service names: lowercase letters, digits, '.', '_' and '-'.
    private static string ServiceKey(string name)
    {
        var key = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-');
        return key.Length == 0 ? "app" : key;
    }
}
