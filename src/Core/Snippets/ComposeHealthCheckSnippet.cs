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
            .AppendLine($"  {ServiceKey(serviceName)}:")
            .AppendLine("    healthcheck:")
            .AppendLine($"      test: {YamlScalar.FlowSequence(definition.Test)}")
            .AppendLine($"      interval: {definition.Interval}")
            .AppendLine($"      timeout: {definition.Timeout}")
            .AppendLine($"      retries: {definition.Retries}")
            .AppendLine($"      start_period: {definition.StartPeriod}")
            .AppendLine($"      start_interval: {definition.StartInterval}")
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
