using System.Text;
using System.Text.Json;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Lint;

/// <summary>
/// CloudFormation templates, YAML (with the short-form tags) or JSON: the <c>ContainerDefinitions</c> of every
/// <c>AWS::ECS::TaskDefinition</c> resource, read by the same reader as ECS task definitions.
/// </summary>
public static class CloudFormationTemplateReader
{
    public const string TaskDefinitionType = "AWS::ECS::TaskDefinition";

    public static bool LooksLikeTemplate(string text) => text.Contains(TaskDefinitionType, StringComparison.Ordinal);

    public static DeploymentFileResult Read(string file, string text, LintLimits limits)
    {
        PositionedJson root;
        if (text.TrimStart().StartsWith('{'))
        {
            if (!EcsTaskDefinitionReader.TryParse(file, Encoding.UTF8.GetBytes(text), limits, out root, out var jsonError))
            {
                return jsonError;
            }
        }
        else
        {
            var (documents, yamlError) = YamlDocuments.Load(file, text, limits);
            if (yamlError is not null)
            {
                return yamlError;
            }

            if (documents.Count == 0)
            {
                return new DeploymentFileResult([], []);
            }

            root = YamlToJson.Convert(documents[0].RootNode);
        }

        var containers = new List<DeploymentContainer>();
        var diagnostics = new List<Diagnostic>();
        foreach (var resource in (IEnumerable<PositionedJson>?)root["Resources"]?.Properties.Values ?? [])
        {
            if (resource["Type"]?.Text == TaskDefinitionType
                && CloudFormationIntrinsics.ResolveAll(resource)["Properties"]?["ContainerDefinitions"] is { Kind: JsonTokenType.StartArray } definitions)
            {
                containers.AddRange(ContainerDefinitionsReader.Read(file, definitions, diagnostics));
            }
        }

        return new DeploymentFileResult(containers, diagnostics);
    }
}
