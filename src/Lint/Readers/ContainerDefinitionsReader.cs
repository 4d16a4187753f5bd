using System.Text.Json;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Snippets;

namespace ContainerHealth.Lint;

/// <summary>
/// An ECS <c>containerDefinitions</c> array, wherever it was written: a task definition JSON, a CloudFormation
/// <c>AWS::ECS::TaskDefinition</c> (PascalCase keys, which the case-insensitive lookup reads alike), a Terraform
/// <c>container_definitions</c>. Reports CH1006 for a healthCheck ECS would reject. A value the template computes
/// (<c>!Ref</c>, <c>${var.port}</c>) is unknown, never a finding.
/// </summary>
internal static class ContainerDefinitionsReader
{
    public static IEnumerable<DeploymentContainer> Read(string file, PositionedJson definitions, List<Diagnostic> diagnostics)
    {
        foreach (var definition in definitions.Items.Where(d => d.Kind == JsonTokenType.StartObject))
        {
            var checks = new List<DeploymentCheck>();
            if (definition["healthCheck"] is { Kind: JsonTokenType.StartObject } healthCheck)
            {
                checks.AddRange(ReadCheck(file, healthCheck, diagnostics));
            }

            var portMappings = (definition["portMappings"]?.Items ?? []).Select(p => p["containerPort"]).OfType<PositionedJson>().ToList();
            var image = definition["image"];
            yield return new DeploymentContainer(
                file,
                definition["name"]?.Text ?? "",
                image?.Text,
                (definition["environment"]?.Items ?? [])
                    .Where(e => e["name"]?.Text is not null)
                    .GroupBy(e => e["name"]!.Text!)
                    .ToDictionary(g => g.Key, g => g.Last()["value"] is { Kind: JsonTokenType.None } ? "${computed}" : g.Last()["value"]?.Text ?? ""),
                portMappings.Select(p => HealthCheckPort.TryParse(p.Text ?? "", out var port) ? port : 0).Where(p => p > 0).ToList(),
                checks)
            {
                ImagePosition = new FilePosition((image ?? definition).Line, (image ?? definition).Column),
                HasUnknownPorts = portMappings.Any(p => !HealthCheckPort.TryParse(p.Text ?? "", out _)),
                MountPaths = (definition["mountPoints"]?.Items ?? []).Select(m => m["containerPath"]?.Text).OfType<string>().ToList(),
            };
        }
    }

    private static IEnumerable<DeploymentCheck> ReadCheck(string file, PositionedJson healthCheck, List<Diagnostic> diagnostics)
    {
        foreach (var range in new[] { EcsHealthCheckSnippet.Interval, EcsHealthCheckSnippet.Timeout, EcsHealthCheckSnippet.Retries, EcsHealthCheckSnippet.StartPeriod })
        {
            if (healthCheck[range.Field] is not { Kind: not JsonTokenType.None } value || IsTemplated(value))
            {
                continue;
            }

            if (value.Kind is not JsonTokenType.Number || !int.TryParse(value.Text, out var number) || number < range.Minimum || number > range.Maximum)
            {
                diagnostics.Add(Invalid(file, value,
                    $"healthCheck.{range.Field} is {(value.Kind == JsonTokenType.String ? "\"" + value.Text + "\"" : value.Text)}; ECS accepts a whole number from {range.Minimum} to {range.Maximum} {range.Unit} and would reject this task definition. Set {range.Field} within that range."));
            }
        }

        var command = healthCheck["command"];
        if (command is { Kind: JsonTokenType.None })
        {
            yield break;
        }

        if (command is not { Kind: JsonTokenType.StartArray } || command.Items.Any(i => i.Kind is not (JsonTokenType.String or JsonTokenType.None)) || command.Items.Count == 0)
        {
            diagnostics.Add(Invalid(file, command ?? healthCheck,
                "healthCheck.command must be an array of strings such as [\"CMD\", \"/app/healthprobe\", \"--path\", \"/healthz\"] or [\"CMD-SHELL\", \"<command line>\"]."));
            yield break;
        }

        var words = command.Items.Select(i => i.Text ?? "").ToList();
        if (words[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            diagnostics.Add(Invalid(file, command.Items[0],
                $"healthCheck.command starts with '{words[0]}'; ECS needs CMD (run the program directly) or CMD-SHELL (run the line with /bin/sh) first. Write [\"CMD\", \"{words[0]}\", ...] or [\"CMD-SHELL\", \"{string.Join(' ', words)}\"]."));
            yield break;
        }

        var check = CheckCommand.FromDockerTest(words);
        yield return new DeploymentCheck("ECS healthCheck", command.Line, command.Column, check)
        {
            PortPosition = PortLocator.Find(check, command.Items.Select(i => new PortLocator.Element(i.Text ?? "", new FilePosition(i.Line, i.Column), i.Kind == JsonTokenType.String, true))),
            // The ECS agent passes healthCheck to Docker as it is; its defaults are a 5 s timeout and 3 retries.
            Run = new CheckRunSettings(words, DockerDuration.FromSeconds(Number(healthCheck["timeout"]) ?? 5), Number(healthCheck["retries"]) ?? 3),
        };
    }

    private static int? Number(PositionedJson? value) =>
        value is { Kind: JsonTokenType.Number } && int.TryParse(value.Text, out var number) && number > 0 ? number : null;

    /// <summary>A number a template fills in: <c>"${interval}"</c> in a <c>.json.tpl</c>.</summary>
    private static bool IsTemplated(PositionedJson value) => value.Kind == JsonTokenType.String && value.Text is { } text && text.Contains("${", StringComparison.Ordinal);

    private static Diagnostic Invalid(string file, PositionedJson at, string message) =>
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, message, file, at.Line, at.Column);
}
