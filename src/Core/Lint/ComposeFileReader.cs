using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// Compose files: <c>services.*.healthcheck</c> (string test = shell form, list = Docker test array), environment
/// (map or list), ports (short and long syntax) and expose. Reports CH1006 for a duration or retries Docker would reject.
/// </summary>
public static class ComposeFileReader
{
    public static bool IsComposeFileName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        return yaml && (name.StartsWith("compose.", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal));
    }

    public static DeploymentFileResult Read(string file, string text, LintLimits limits)
    {
        var (documents, error) = YamlDocuments.Load(file, text, limits);
        if (error is not null)
        {
            return error;
        }

        var containers = new List<DeploymentContainer>();
        var diagnostics = new List<Diagnostic>();
        foreach (var document in documents)
        {
            if (document.RootNode.Get("services") is not YamlMappingNode services)
            {
                continue;
            }

            foreach (var (key, service) in services.Children)
            {
                var checks = new List<DeploymentCheck>();
                var healthcheck = service.Get("healthcheck");
                if (healthcheck is not null && healthcheck.Get("disable").Text() != "true")
                {
                    checks.AddRange(ReadCheck(file, healthcheck, diagnostics));
                }

                containers.Add(new DeploymentContainer(
                    file,
                    DeploymentKind.Compose,
                    key.Text() ?? "",
                    service.Get("image").Text(),
                    Environment(service.Get("environment")),
                    Ports(service),
                    checks));
            }
        }

        return new DeploymentFileResult(containers, diagnostics);
    }

    private static IEnumerable<DeploymentCheck> ReadCheck(string file, YamlNode healthcheck, List<Diagnostic> diagnostics)
    {
        foreach (var field in new[] { "interval", "timeout", "start_period", "start_interval" })
        {
            if (healthcheck.Get(field) is YamlScalarNode value && !DockerDuration.TryParse(value.Value, out _))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidValue,
                    DiagnosticSeverity.Error,
                    $"healthcheck.{field} is '{value.Value}', which is not {DockerDuration.Syntax}. Write it as such, e.g. 30s.",
                    file,
                    value.Line(),
                    value.Column()));
            }
        }

        if (healthcheck.Get("retries") is YamlScalarNode retries && !(int.TryParse(retries.Value, out var count) && count >= 0))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidValue,
                DiagnosticSeverity.Error,
                $"healthcheck.retries is '{retries.Value}'; it must be a whole number, 0 or more. Write e.g. 3.",
                file,
                retries.Line(),
                retries.Column()));
        }

        var test = healthcheck.Get("test");
        if (test is YamlScalarNode line && !string.IsNullOrWhiteSpace(line.Value))
        {
            yield return new DeploymentCheck("compose healthcheck", line.Line(), line.Column(), CheckCommand.FromShell(line.Value!));
        }
        else if (test is YamlSequenceNode sequence)
        {
            yield return new DeploymentCheck(
                "compose healthcheck", sequence.Line(), sequence.Column(), CheckCommand.FromDockerTest(sequence.Children.Select(c => c.Text() ?? "").ToList()));
        }
    }

    private static Dictionary<string, string> Environment(YamlNode? environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environment is YamlMappingNode map)
        {
            foreach (var (name, value) in map.Children)
            {
                variables[name.Text() ?? ""] = value.Text() ?? "";
            }
        }

        foreach (var item in environment.Items())
        {
            var text = item.Text() ?? "";
            var equals = text.IndexOf('=');
            if (equals > 0)
            {
                variables[text[..equals]] = text[(equals + 1)..];
            }
        }

        return variables;
    }

    /// <summary>Container-side ports: <c>"8080"</c>, <c>"80:8080"</c>, <c>"127.0.0.1:80:8080/tcp"</c>, <c>{target: 8080}</c>, and expose.</summary>
    private static List<int> Ports(YamlNode service)
    {
        var ports = new List<int>();
        foreach (var item in service.Get("ports").Items().Concat(service.Get("expose").Items()))
        {
            var text = item is YamlMappingNode ? item.Get("target").Text() : item.Text();
            text = text?.Split('/')[0];
            text = text?[(text.LastIndexOf(':') + 1)..];
            if (int.TryParse(text, out var port))
            {
                ports.Add(port);
            }
        }

        return ports;
    }
}
