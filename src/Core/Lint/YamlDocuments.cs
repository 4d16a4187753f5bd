using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>Loads YAML with YamlDotNet (positions from its marks) and reads mappings without ceremony.</summary>
internal static class YamlDocuments
{
    /// <summary>The documents of a file, or the CH1008 result for its first syntax error.</summary>
    public static (IReadOnlyList<YamlDocument> Documents, DeploymentFileResult? Error) Load(string file, string text, LintLimits limits)
    {
        var stream = new YamlStream();
        try
        {
            if (YamlBudget.Check(text, limits) is var (reason, where))
            {
                return ([], DeploymentFileResult.Malformed(file, (int)where.Line, (int)where.Column, $"{Path.GetFileName(file)} is not linted: {reason}"));
            }

            stream.Load(new StringReader(text));
            return (stream.Documents.ToList(), null);
        }
        catch (YamlException e)
        {
            var problem = e.InnerException?.Message ?? e.Message;
            return ([], DeploymentFileResult.Malformed(file, (int)e.Start.Line, (int)e.Start.Column, $"{Path.GetFileName(file)} is not valid YAML: {Trim(problem)}"));
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's mapping refuses a key given twice (as docker compose and kubectl do).
            return ([], DeploymentFileResult.Malformed(file, 1, 1, $"{Path.GetFileName(file)} is not valid YAML: {Trim(e.Message)}"));
        }
    }

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    public static int Column(this YamlNode node) => (int)node.Start.Column;

    private static string Trim(string message)
    {
        var paren = message.IndexOf("(Line:", StringComparison.Ordinal);
        return (paren > 0 ? message[..paren] : message).Trim().TrimEnd('.');
    }
}
