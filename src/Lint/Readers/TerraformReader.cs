using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Lint;

/// <summary>
/// Terraform: the <c>container_definitions</c> of every <c>aws_ecs_task_definition</c> resource, written as
/// <c>jsonencode([...])</c>, a heredoc of JSON, or <c>file()</c>/<c>templatefile()</c> of a JSON file beside the module.
/// Anything else (a module output, a data source) is computed by Terraform: a note says to lint the rendered JSON.
/// </summary>
public static partial class TerraformReader
{
    /// <summary>Every .tf file is Terraform; only its aws_ecs_task_definition resources hold anything to lint.</summary>
    public static bool IsTerraformFile(string file) => file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);

    public static bool LooksLikeTerraform(string file, string text) =>
        IsTerraformFile(file) && text.Contains("aws_ecs_task_definition", StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, string text, LintLimits limits)
    {
        var containers = new List<DeploymentContainer>();
        var diagnostics = new List<Diagnostic>();
        var notes = new List<string>();
        var resources = Resource().Matches(text).ToList();
        for (var i = 0; i < resources.Count; i++)
        {
            var name = resources[i].Groups["name"].Value;
            var end = i + 1 < resources.Count ? resources[i + 1].Index : text.Length;
            var attribute = ContainerDefinitions().Match(text, resources[i].Index, end - resources[i].Index);
            if (!attribute.Success)
            {
                continue;
            }

            var start = attribute.Index + attribute.Length;
            var result = ReadValue(file, text, start, limits, name);
            containers.AddRange(result.Containers);
            diagnostics.AddRange(result.Diagnostics);
            notes.AddRange(result.Notes);
        }

        return new DeploymentFileResult(containers, diagnostics) { Notes = notes };
    }

    private static DeploymentFileResult ReadValue(string file, string text, int start, LintLimits limits, string resource)
    {
        var line = LineOf(text, start);
        var rest = text[start..];
        try
        {
            if (rest.StartsWith("jsonencode(", StringComparison.Ordinal))
            {
                return FromDefinitions(file, HclExpressionReader.Read(text, start + "jsonencode(".Length, limits.MaxDepth), resource, line);
            }

            if (rest.StartsWith("<<", StringComparison.Ordinal))
            {
                var bodyStart = text.IndexOf('\n', start) + 1;
                var body = HclExpressionReader.Read(text, start, limits.MaxDepth).Text ?? "";
                return FromJson(file, body, LineOf(text, bodyStart) - 1, limits, resource, template: true);
            }

            if (FileCall().Match(rest) is { Success: true } call)
            {
                return FromReferencedFile(file, call.Groups["path"].Value, limits, resource, line, template: call.Value.StartsWith("templatefile", StringComparison.Ordinal));
            }
        }
        catch (FormatException e)
        {
            return DeploymentFileResult.Note($"{file}:{line}: container_definitions of aws_ecs_task_definition.{resource} could not be read ({e.Message}); lint the rendered task definition instead (terraform show -json, or the JSON file it is made from)");
        }

        return DeploymentFileResult.Note($"{file}:{line}: container_definitions of aws_ecs_task_definition.{resource} is computed by Terraform ({First(rest)}); lint the JSON it is made from, or the rendered task definition");
    }

    private static DeploymentFileResult FromDefinitions(string file, PositionedJson definitions, string resource, int line)
    {
        if (definitions.Kind != JsonTokenType.StartArray)
        {
            return DeploymentFileResult.Note($"{file}:{line}: container_definitions of aws_ecs_task_definition.{resource} is not a list Terraform writes out literally; lint the rendered task definition");
        }

        var diagnostics = new List<Diagnostic>();
        return new DeploymentFileResult(ContainerDefinitionsReader.Read(file, definitions, diagnostics).ToList(), diagnostics);
    }

    /// <summary>JSON of container definitions; a template's (heredoc, templatefile) that does not parse is a note, since Terraform renders it first.</summary>
    private static DeploymentFileResult FromJson(string file, string json, int lineOffset, LintLimits limits, string resource, bool template)
    {
        var content = Encoding.UTF8.GetBytes(template ? JsonTemplate.QuotePlaceholders(json) : json);
        if (!EcsTaskDefinitionReader.TryParse(file, content, limits, out var root, out var error, lineOffset))
        {
            return template ? JsonTemplate.Unreadable(file, lineOffset + 1, error) : error;
        }

        return FromDefinitions(file, root, resource, lineOffset + 1);
    }

    /// <summary><c>file("${path.module}/containers.json")</c>, <c>templatefile("containers.json.tpl", {...})</c>: relative to the module.</summary>
    private static DeploymentFileResult FromReferencedFile(string file, string path, LintLimits limits, string resource, int line, bool template)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var relative = ModulePath().Replace(path, "");
        if (relative.Contains("${", StringComparison.Ordinal))
        {
            return DeploymentFileResult.Note($"{file}:{line}: container_definitions of aws_ecs_task_definition.{resource} reads {path}, a path Terraform computes; lint that file directly");
        }

        var referenced = Path.Combine(directory, relative.TrimStart('/'));
        var (text, error) = DeploymentFileText.Read(referenced, limits);
        if (text is null)
        {
            return error!;
        }

        return FromJson(referenced, text, 0, limits, resource, template || JsonTemplate.IsTemplateFile(referenced));
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, Math.Min(index, text.Length)).Count('\n') + 1;

    private static string First(string rest)
    {
        var end = rest.IndexOfAny(['\n', '(']);
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    [GeneratedRegex(@"resource\s+""aws_ecs_task_definition""\s+""(?<name>[^""]+)""\s*\{")]
    private static partial Regex Resource();

    [GeneratedRegex(@"(?m)^\s*container_definitions\s*=\s*")]
    private static partial Regex ContainerDefinitions();

    [GeneratedRegex(@"^(file|templatefile)\(\s*""(?<path>[^""]+)""")]
    private static partial Regex FileCall();

    [GeneratedRegex(@"^\$\{path\.(module|root|cwd)\}")]
    private static partial Regex ModulePath();
}
