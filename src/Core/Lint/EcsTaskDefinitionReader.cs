using System.Text.Json;
using ContainerHealth.Diagnostics;
using ContainerHealth.Snippets;

namespace ContainerHealth.Lint;

/// <summary>
/// ECS task definitions: the register-task-definition input (<c>{"containerDefinitions": [...]}</c>) or the describe
/// output (<c>{"taskDefinition": {...}}</c>). Reports CH1006 for a healthCheck value ECS would reject.
/// </summary>
public static class EcsTaskDefinitionReader
{
    public static bool LooksLikeTaskDefinition(string text) => text.Contains("\"containerDefinitions\"", StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, byte[] content, LintLimits limits)
    {
        PositionedJson root;
        try
        {
            root = PositionedJson.Parse(content, limits.MaxDepth);
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ');
            return DeploymentFileResult.Malformed(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"{Path.GetFileName(file)} is not valid JSON: {message}");
        }

        var definitions = root["containerDefinitions"] ?? root["taskDefinition"]?["containerDefinitions"];
        if (definitions is not { Kind: JsonTokenType.StartArray })
        {
            return DeploymentFileResult.Malformed(file, root.Line, root.Column, $"{Path.GetFileName(file)} has no containerDefinitions array, so it is not an ECS task definition");
        }

        var containers = new List<DeploymentContainer>();
        var diagnostics = new List<Diagnostic>();
        foreach (var definition in definitions.Items.Where(d => d.Kind == JsonTokenType.StartObject))
        {
            var checks = new List<DeploymentCheck>();
            if (definition["healthCheck"] is { Kind: JsonTokenType.StartObject } healthCheck)
            {
                checks.AddRange(ReadCheck(file, healthCheck, diagnostics));
            }

            containers.Add(new DeploymentContainer(
                file,
                DeploymentKind.EcsTaskDefinition,
                definition["name"]?.Text ?? "",
                definition["image"]?.Text,
                (definition["environment"]?.Items ?? [])
                    .Where(e => e["name"]?.Text is not null)
                    .GroupBy(e => e["name"]!.Text!)
                    .ToDictionary(g => g.Key, g => g.Last()["value"]?.Text ?? ""),
                (definition["portMappings"]?.Items ?? [])
                    .Select(p => int.TryParse(p["containerPort"]?.Text, out var port) ? port : 0)
                    .Where(p => p > 0)
                    .ToList(),
                checks));
        }

        return new DeploymentFileResult(containers, diagnostics);
    }

    private static IEnumerable<DeploymentCheck> ReadCheck(string file, PositionedJson healthCheck, List<Diagnostic> diagnostics)
    {
        foreach (var range in new[] { EcsHealthCheckSnippet.Interval, EcsHealthCheckSnippet.Timeout, EcsHealthCheckSnippet.Retries, EcsHealthCheckSnippet.StartPeriod })
        {
            if (healthCheck[range.Field] is not { } value)
            {
                continue;
            }

            if (value.Kind != JsonTokenType.Number || !int.TryParse(value.Text, out var number) || number < range.Minimum || number > range.Maximum)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidValue,
                    DiagnosticSeverity.Error,
                    $"healthCheck.{range.Field} is {(value.Kind == JsonTokenType.String ? "\"" + value.Text + "\"" : value.Text)}; ECS accepts a whole number from {range.Minimum} to {range.Maximum} {range.Unit} and would reject this task definition. Set {range.Field} within that range.",
                    file,
                    value.Line,
                    value.Column));
            }
        }

        var command = healthCheck["command"];
        if (command is not { Kind: JsonTokenType.StartArray } || command.Items.Any(i => i.Kind != JsonTokenType.String) || command.Items.Count == 0)
        {
            var at = command ?? healthCheck;
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidValue,
                DiagnosticSeverity.Error,
                "healthCheck.command must be an array of strings such as [\"CMD\", \"/app/healthprobe\", \"--path\", \"/healthz\"] or [\"CMD-SHELL\", \"<command line>\"].",
                file,
                at.Line,
                at.Column));
            yield break;
        }

        yield return new DeploymentCheck(
            "ECS healthCheck",
            command.Line,
            command.Column,
            CheckCommand.FromDockerTest(command.Items.Select(i => i.Text ?? "").ToList()));
    }
}
