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

    /// <summary>One compose file, with the override file beside it as <c>docker compose</c> would add it.</summary>
    public static DeploymentFileResult Read(string file, string text, LintLimits limits) => Read(ComposeProject.WithOverrides(file), text, limits);

    /// <summary>The files of one project, merged in order (<c>docker compose -f a -f b</c>).</summary>
    public static DeploymentFileResult Read(IReadOnlyList<string> files, string? firstText, LintLimits limits)
    {
        var project = ComposeProject.Load(files, firstText, limits);
        if (project.Error is not null)
        {
            return project.Error;
        }

        var reader = new ServiceReader(files[0], project);
        var containers = project.Services.Select(s => reader.Read(s.Name, s.Key, s.Service)).ToList();
        return new DeploymentFileResult(containers, reader.Diagnostics);
    }

    /// <summary>Reads merged services, interpolating values and placing findings in the file each value came from.</summary>
    private sealed class ServiceReader(string file, ComposeProject project)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public DeploymentContainer Read(string name, YamlNode key, YamlNode service)
        {
            var checks = new List<DeploymentCheck>();
            var healthcheck = service.Get("healthcheck");
            if (healthcheck is not null && Value(healthcheck.Get("disable")).Text != "true")
            {
                checks.AddRange(ReadCheck(healthcheck));
            }

            var ports = Ports(service);
            var image = service.Get("image");
            return new DeploymentContainer(
                file,
                name,
                image is null ? null : Value(image).Text,
                Environment(service.Get("environment"), project.Interpolation),
                ports.Known,
                checks)
            {
                ImagePosition = (image ?? key).Position(),
                HasUnknownPorts = ports.Unknown,
                MountPaths = MountPaths(service),
            };
        }

        private IEnumerable<DeploymentCheck> ReadCheck(YamlNode healthcheck)
        {
            foreach (var field in new[] { "interval", "timeout", "start_period", "start_interval" })
            {
                if (healthcheck.Get(field) is YamlScalarNode node && Value(node) is { Known: true } value && !DockerDuration.TryParse(value.Text, out _))
                {
                    Invalid(node, $"healthcheck.{field} is '{value.Text}', which is not {DockerDuration.Syntax}. Write it as such, e.g. 30s.");
                }
            }

            if (healthcheck.Get("retries") is YamlScalarNode retriesNode && Value(retriesNode) is { Known: true } retries
                && !(int.TryParse(retries.Text, out var count) && count >= 0))
            {
                Invalid(retriesNode, $"healthcheck.retries is '{retries.Text}'; it must be a whole number, 0 or more. Write e.g. 3.");
            }

            var test = healthcheck.Get("test");
            var at = test is null ? null : project.FileOf(test, file);
            if (test is YamlScalarNode line && !string.IsNullOrWhiteSpace(line.Value))
            {
                var command = CheckCommand.FromShell(Value(line).Text);
                yield return new DeploymentCheck("compose healthcheck", line.Line(), line.Column(), command)
                {
                    PortPosition = PortLocator.Find(command, [Element(line)]),
                    File = at,
                    Run = RunSettings(healthcheck, ["CMD-SHELL", Value(line).Text]),
                };
            }
            else if (test is YamlSequenceNode sequence && sequence.Children.Count > 0)
            {
                var words = sequence.Children.Select(c => Value(c).Text).ToList();
                if (words[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
                {
                    Invalid(sequence.Children[0],
                        $"healthcheck.test is a list starting with '{words[0]}'; a list must start with CMD, CMD-SHELL or NONE. Write [\"CMD\", \"{words[0]}\", ...], or the test as one string for the shell.");
                    yield break;
                }

                var command = CheckCommand.FromDockerTest(words);
                yield return new DeploymentCheck("compose healthcheck", sequence.Line(), sequence.Column(), command)
                {
                    PortPosition = PortLocator.Find(command, sequence.Children.Select(Element)),
                    File = at,
                    Run = RunSettings(healthcheck, words),
                };
            }
        }

        /// <summary>Compose hands the engine its test with timeout (default 30 s) and retries (default 3).</summary>
        private CheckRunSettings RunSettings(YamlNode healthcheck, IReadOnlyList<string> test) => new(
            test,
            DockerDuration.TryParse(Value(healthcheck.Get("timeout")).Text, out var timeout) && !timeout.IsZero ? timeout : DockerDuration.FromSeconds(30),
            int.TryParse(Value(healthcheck.Get("retries")).Text, out var retries) && retries > 0 ? retries : 3);

        private ComposeInterpolation.Result Value(YamlNode? node) => project.Interpolation.Apply(node.Text() ?? "");

        /// <summary>An interpolated value no longer lines up with the file: point at its start then.</summary>
        private PortLocator.Element Element(YamlNode node)
        {
            var element = node.AsElement();
            var value = Value(node).Text;
            return value == element.Text ? element : element with { Text = value, SingleLine = false };
        }

        private (List<int> Known, bool Unknown) Ports(YamlNode service) =>
            ComposeFileReader.Ports(service.Get("ports").Items().Concat(service.Get("expose").Items())
                .Select(item => item is YamlMappingNode ? Value(item.Get("target")) : Value(item)));

        private List<string> MountPaths(YamlNode service) =>
            service.Get("volumes").Items()
                .Select(v => v is YamlMappingNode ? Value(v.Get("target")).Text : Value(v).Text.Split(':') is { Length: >= 2 } parts ? parts[1] : Value(v).Text)
                .Where(p => p.StartsWith('/'))
                .ToList();

        private void Invalid(YamlNode at, string message) =>
            Diagnostics.Add(new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, message, project.FileOf(at, file), at.Line(), at.Column()));
    }

    private static Dictionary<string, string> Environment(YamlNode? environment, ComposeInterpolation interpolation)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment.Entries())
        {
            variables[name.Text() ?? ""] = interpolation.Apply(value.Text() ?? "").Text;
        }

        foreach (var item in environment.Items())
        {
            var text = interpolation.Apply(item.Text() ?? "").Text;
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
    private static (List<int> Known, bool Unknown) Ports(IEnumerable<ComposeInterpolation.Result> items)
    {
        var ports = new List<int>();
        var unknown = false;
        foreach (var item in items)
        {
            var text = item.Text.Split('/')[0];
            text = text[(text.LastIndexOf(':') + 1)..];
            if (HealthCheckPort.TryParse(text, out var port))
            {
                ports.Add(port);
            }
            else if (item.Known && text.Contains('-'))
            {
                ports.AddRange(Range(text));
            }
            else
            {
                unknown = true;
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
}
