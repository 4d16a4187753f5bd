using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>The <c>#if DEBUG</c> regions of each syntax tree, found once per tree and shared by the collector's actions.</summary>
internal sealed class DebugOnlyRegions
{
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<DebugOnlyRegion>> regions = new();

    /// <summary>The health mappings in disabled (Release build) regions: absent from the container.</summary>
    public IEnumerable<MappedEndpoint> DisabledHealthMappings(SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var region in Of(tree, cancellationToken))
        {
            foreach (var path in region.DisabledHealthPaths)
            {
                yield return new MappedEndpoint(
                    EndpointKind.HealthChecks, BuilderOrigin.Root, path, EndpointConventions.None, region.Directive, null,
                    new EndpointFacts(DebugOnlyRegion.Condition, null, false, false, null));
            }
        }
    }

    /// <summary>"#if DEBUG" when <paramref name="node"/> sits in an active (Debug build) region; null otherwise.</summary>
    public string? Around(SyntaxNode node)
    {
        foreach (var region in Of(node.SyntaxTree, CancellationToken.None))
        {
            if (region.Active && region.Span.Contains(node.Span))
            {
                return DebugOnlyRegion.Condition;
            }
        }

        return null;
    }

    private ImmutableArray<DebugOnlyRegion> Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).ContainsDirectives
            ? regions.GetOrAdd(tree, key => DebugOnlyRegion.In(key, cancellationToken))
            : ImmutableArray<DebugOnlyRegion>.Empty;
}
