using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// Compose files: <c>services.*.healthcheck</c> (string test = shell form, list = Docker test array), environment
/// (map or list), ports (short and long syntax), expose and volumes, with YAML merge keys followed. Reports CH1006 for a
/// duration, retries or test array Docker would reject.
/// </summary>
public static class ComposeFileReader
{
    public static bool IsComposeFileName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        return yaml && (name.StartsWith("compose.", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal));
    }

    /// <summary>Whether YAML text looks like a compose file: a top-level <c>services:</c> (checked properly when read).</summary>
    public static bool LooksLikeCompose(string text) =>
        text.StartsWith("services:", StringComparison.Ordinal) || text.Contains("\nservices:", StringComparison.Ordinal);

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
            foreach (var (key, service) in document.RootNode.Get("services").Entries())
            {
                containers.Add(ReadService(file, key, service, diagnostics));
            }
        }

        return new DeploymentFileResult(containers, diagnostics);
    }

    private static DeploymentContainer ReadService(string file, YamlNode key, YamlNode service, List<Diagnostic> diagnostics)
    {
        var checks = new List<DeploymentCheck>();
        var healthcheck = service.Get("healthcheck");
        if (healthcheck is not null && healthcheck.Get("disable").Text() != "true")
        {
            checks.AddRange(ReadCheck(file, healthcheck, diagnostics));
        }

        var ports = Ports(service);
        return new DeploymentContainer(
            file,
            DeploymentKind.Compose,
            key.Text() ?? "",
            service.Get("image").Text(),
            Environment(service.Get("environment")),
            ports.Known,
            checks)
        {
            ImagePosition = (service.Get("image") ?? key).Position(),
            HasUnknownPorts = ports.Unknown,
            MountPaths = MountPaths(service),
        };
    }

    private static IEnumerable<DeploymentCheck> ReadCheck(string file, YamlNode healthcheck, List<Diagnostic> diagnostics)
    {
        foreach (var field in new[] { "interval", "timeout", "start_period", "start_interval" })
        {
            if (healthcheck.Get(field) is YamlScalarNode value && !DockerDuration.TryParse(value.Value, out _))
            {
                diagnostics.Add(Invalid(file, value,
                    $"healthcheck.{field} is '{value.Value}', which is not {DockerDuration.Syntax}. Write it as such, e.g. 30s."));
            }
        }

        if (healthcheck.Get("retries") is YamlScalarNode retries && !(int.TryParse(retries.Value, out var count) && count >= 0))
        {
            diagnostics.Add(Invalid(file, retries, $"healthcheck.retries is '{retries.Value}'; it must be a whole number, 0 or more. Write e.g. 3."));
        }

        var test = healthcheck.Get("test");
        if (test is YamlScalarNode line && !string.IsNullOrWhiteSpace(line.Value))
        {
            var command = CheckCommand.FromShell(line.Value!);
            yield return new DeploymentCheck("compose healthcheck", line.Line(), line.Column(), command)
            {
                PortPosition = PortLocator.Find(command, [line.AsElement()]),
            };
        }
        else if (test is YamlSequenceNode sequence && sequence.Children.Count > 0)
        {
            var words = sequence.Children.Select(c => c.Text() ?? "").ToList();
            if (words[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
            {
                diagnostics.Add(Invalid(file, sequence.Children[0],
                    $"healthcheck.test is a list starting with '{words[0]}'; a list must start with CMD, CMD-SHELL or NONE. Write [\"CMD\", \"{words[0]}\", ...], or the test as one string for the shell."));
                yield break;
            }

            var command = CheckCommand.FromDockerTest(words);
            yield return new DeploymentCheck("compose healthcheck", sequence.Line(), sequence.Column(), command)
            {
                PortPosition = PortLocator.Find(command, sequence.Children.Select(c => c.AsElement())),
            };
        }
    }

    private static Dictionary<string, string> Environment(YamlNode? environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment.Entries())
        {
            variables[name.Text() ?? ""] = value.Text() ?? "";
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

    /// <summary>
    /// Container-side ports: <c>"8080"</c>, <c>"80:8080"</c>, <c>"127.0.0.1:80:8080/tcp"</c>, <c>{target: 8080}</c>, and expose.
    /// A container port written as a variable makes the app's port unknown.
    /// </summary>
    private static (List<int> Known, bool Unknown) Ports(YamlNode service)
    {
        var ports = new List<int>();
        var unknown = false;
        foreach (var item in service.Get("ports").Items().Concat(service.Get("expose").Items()))
        {
            var text = item is YamlMappingNode ? item.Get("target").Text() : item.Text();
            text = text?.Split('/')[0];
            text = text?[(text.LastIndexOf(':') + 1)..];
            if (HealthCheckPort.TryParse(text ?? "", out var port))
            {
                ports.Add(port);
            }
            else if (text is not null && text.Contains('-'))
            {
                ports.AddRange(Range(text));
            }
            else
            {
                unknown |= text is null || text.Contains('$') || text.Contains('}');
            }
        }

        return (ports, unknown);
    }

    private static IEnumerable<int> Range(string text)
    {
        var bounds = text.Split('-');
        return bounds.Length == 2 && HealthCheckPort.TryParse(bounds[0], out var low) && HealthCheckPort.TryParse(bounds[1], out var high) && high >= low && high - low < 1000
            ? Enumerable.Range(low, high - low + 1)
            : [];
    }

    /// <summary>Container paths of volumes and bind mounts: <c>./checks:/healthchecks:ro</c>, <c>{target: /healthchecks}</c>.</summary>
    private static List<string> MountPaths(YamlNode service) =>
        service.Get("volumes").Items()
            .Select(v => v is YamlMappingNode ? v.Get("target").Text() : v.Text()?.Split(':') is { Length: >= 2 } parts ? parts[1] : v.Text())
            .OfType<string>()
            .Where(p => p.StartsWith('/'))
            .ToList();

    private static Diagnostic Invalid(string file, YamlNode at, string message) =>
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, message, file, at.Line(), at.Column());
}
