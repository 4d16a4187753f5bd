using System.Text.Json;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Lint;

/// <summary>
/// ECS task definitions in JSON: the register-task-definition input (<c>{"containerDefinitions": [...]}</c>), the
/// describe output (<c>{"taskDefinition": {...}}</c>), or a bare array of container definitions (Terraform keeps those
/// as <c>.json</c> or <c>.json.tpl</c> files next to the <c>.tf</c>).
/// </summary>
public static class EcsTaskDefinitionReader
{
    public static bool LooksLikeTaskDefinition(string text) =>
        text.Contains("\"containerDefinitions\"", StringComparison.Ordinal) || LooksLikeContainerDefinitionArray(text);

    /// <summary><c>[{"name": ..., "image": ..., ...}]</c>: an array whose objects have a name and an image.</summary>
    public static bool LooksLikeContainerDefinitionArray(string text) =>
        text.TrimStart().StartsWith('[') && text.Contains("\"image\"", StringComparison.Ordinal) && text.Contains("\"name\"", StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, string text, LintLimits limits)
    {
        var template = JsonTemplate.IsTemplateFile(file);
        var content = System.Text.Encoding.UTF8.GetBytes(template ? JsonTemplate.QuotePlaceholders(text) : text);
        if (!TryParse(file, content, limits, out var root, out var error))
        {
            return template ? JsonTemplate.Unreadable(file, 1, error) : error;
        }

        var definitions = root.Kind == JsonTokenType.StartArray ? root : root["containerDefinitions"] ?? root["taskDefinition"]?["containerDefinitions"];
        if (definitions is not { Kind: JsonTokenType.StartArray })
        {
            return DeploymentFileResult.Malformed(file, root.Line, root.Column, $"{Path.GetFileName(file)} has no containerDefinitions array, so it is not an ECS task definition");
        }

        var diagnostics = new List<Diagnostic>();
        var containers = ContainerDefinitionsReader.Read(file, definitions, diagnostics).ToList();
        return new DeploymentFileResult(containers, diagnostics);
    }

    internal static bool TryParse(string file, byte[] content, LintLimits limits, out PositionedJson root, out DeploymentFileResult error, int lineOffset = 0)
    {
        try
        {
            root = PositionedJson.Parse(content, limits.MaxDepth, lineOffset);
            error = null!;
            return true;
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ');
            error = DeploymentFileResult.Malformed(file, lineOffset + (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"{Path.GetFileName(file)} is not valid JSON: {message}");
            root = null!;
            return false;
        }
    }
}
