using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// A YAML node as a <see cref="PositionedJson"/>, so YAML and JSON CloudFormation templates share one container reader.
/// Merge keys are followed; CloudFormation's short-form tags follow the long forms: <c>!Sub "text"</c> is its text (its
/// <c>${...}</c> placeholders stay visible), every other function (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Join</c>, ...) is
/// a value only the stack knows (<see cref="JsonTokenType.None"/>).
/// </summary>
internal static class YamlToJson
{
    public static PositionedJson Convert(YamlNode node)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal))
        {
            return tag == "!Sub" && Substituted(node) is { } text
                ? PositionedJson.Create(JsonTokenType.String, line, column, text)
                : PositionedJson.Create(JsonTokenType.None, line, column);
        }

        switch (node)
        {
            case YamlMappingNode:
                var mapping = PositionedJson.Create(JsonTokenType.StartObject, line, column);
                foreach (var (key, value) in node.Entries())
                {
                    mapping.Properties[key.Text() ?? ""] = Convert(value);
                }

                return CloudFormationIntrinsics.Resolve(mapping);
            case YamlSequenceNode sequence:
                var array = PositionedJson.Create(JsonTokenType.StartArray, line, column);
                array.Items.AddRange(sequence.Children.Select(Convert));
                return array;
            case YamlScalarNode { Style: ScalarStyle.Plain } plain when double.TryParse(plain.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return PositionedJson.Create(JsonTokenType.Number, line, column, plain.Value);
            case YamlScalarNode scalar:
                return PositionedJson.Create(JsonTokenType.String, line, column, scalar.Value);
            default:
                return PositionedJson.Create(JsonTokenType.None, line, column);
        }
    }

    /// <summary><c>!Sub "text"</c> or <c>!Sub ["text", {vars}]</c>.</summary>
    private static string? Substituted(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : node.Items().FirstOrDefault().Text();
}
