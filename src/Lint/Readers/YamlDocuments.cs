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

    /// <summary>A mapping's value for <paramref name="key"/>, following YAML merge keys (<c>&lt;&lt;: *defaults</c>) as compose does.</summary>
    public static YamlNode? Get(this YamlNode? node, string key) => Get(node, key, depth: 0);

    /// <summary>A mapping's entries with merge keys applied: its own keys win over merged ones, earlier merged maps over later.</summary>
    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(this YamlNode? node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return [];
        }

        var entries = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
        Collect(mapping, entries, depth: 0);
        return entries.Values;
    }

    private static YamlNode? Get(YamlNode? node, string key, int depth)
    {
        if (node is not YamlMappingNode mapping || depth > MaxMergeDepth)
        {
            return null;
        }

        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }

        foreach (var merged in MergedMappings(mapping))
        {
            if (Get(merged, key, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static void Collect(YamlMappingNode mapping, Dictionary<string, KeyValuePair<YamlNode, YamlNode>> entries, int depth)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key.Text() is { } name && name != MergeKey)
            {
                entries.TryAdd(name, entry);
            }
        }

        if (depth < MaxMergeDepth)
        {
            foreach (var merged in MergedMappings(mapping))
            {
                Collect(merged, entries, depth + 1);
            }
        }
    }

    private static IEnumerable<YamlMappingNode> MergedMappings(YamlMappingNode mapping) =>
        !mapping.Children.TryGetValue(new YamlScalarNode(MergeKey), out var merge) ? []
        : merge is YamlMappingNode single ? [single]
        : merge.Items().OfType<YamlMappingNode>();

    // Merge chains are short in real files; the bound keeps a self-referencing merge from looping.
    private const int MaxMergeDepth = 16;

    private const string MergeKey = "<<";

    public static string? Text(this YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    public static FilePosition Position(this YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    /// <summary>A scalar as a place a port may be written in, for <see cref="PortLocator"/>.</summary>
    public static PortLocator.Element AsElement(this YamlNode node) => new(
        node.Text() ?? "",
        node.Position(),
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted },
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded) } && node.Start.Line == node.End.Line);

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    public static int Column(this YamlNode node) => (int)node.Start.Column;

    private static string Trim(string message)
    {
        var paren = message.IndexOf("(Line:", StringComparison.Ordinal);
        return (paren > 0 ? message[..paren] : message).Trim().TrimEnd('.');
    }
}
