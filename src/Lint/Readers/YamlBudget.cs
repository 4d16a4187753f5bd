using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContainerHealth.Lint;

/// <summary>
/// One pass over a YAML stream's events (the parser keeps its own stack, so this does not recurse) before anything builds
/// a tree: how deep collections nest, and how many nodes the stream holds once aliases are expanded. Building the tree of
/// a 25,000-deep flow sequence overflows the stack; walking a billion-laughs file's aliases never ends.
/// </summary>
internal static class YamlBudget
{
    /// <summary>Null when the stream is within <paramref name="limits"/>, else the reason and where it was exceeded.</summary>
    public static (string Reason, Mark Where)? Check(string text, LintLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Nodes)>();
        long total = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            long nodes = 0;
            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (open.Count >= limits.MaxDepth)
                    {
                        return ($"it nests deeper than {limits.MaxDepth} levels", current.Start);
                    }

                    var anchor = ((NodeEvent)current).Anchor;
                    open.Push((anchor.IsEmpty ? null : anchor.Value, 0));
                    continue;
                case MappingEnd or SequenceEnd when open.Count > 0:
                    var (name, inside) = open.Pop();
                    nodes = Saturate(inside + 1);
                    if (name is not null)
                    {
                        anchored[name] = nodes;
                    }

                    break;
                case Scalar scalar:
                    nodes = 1;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchored[scalar.Anchor.Value] = 1;
                    }

                    total = Saturate(total + 1);
                    break;
                case AnchorAlias alias:
                    nodes = anchored.GetValueOrDefault(alias.Value.Value, 1);
                    total = Saturate(total + nodes);
                    break;
                default:
                    continue;
            }

            if (open.Count > 0)
            {
                var (parentAnchor, parentNodes) = open.Pop();
                open.Push((parentAnchor, Saturate(parentNodes + nodes)));
            }

            if (total > limits.MaxExpandedNodes)
            {
                return ($"its aliases expand to more than {limits.MaxExpandedNodes:N0} nodes", current.Start);
            }
        }

        return null;
    }

    private static long Saturate(long value) => value < 0 ? long.MaxValue : value;
}
