using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// An <c>#if DEBUG</c> region: the container runs a Release build (publish defaults to Release), so what is mapped
/// there is absent. In a Release build the region is disabled text the compiler never binds, so its health mappings
/// are read from the text.
/// </summary>
internal sealed class DebugOnlyRegion
{
    // A pattern, not a Regex field: built (by Regex's cache) only for a tree with a disabled #if DEBUG region.
    private const string HealthMapping = @"\b(Map|Use)HealthChecks\s*\(\s*""(?<path>[^""]*)""";

    private DebugOnlyRegion(Location directive, TextSpan span, bool active, ImmutableArray<string> disabledHealthPaths)
    {
        Directive = directive;
        Span = span;
        Active = active;
        DisabledHealthPaths = disabledHealthPaths;
    }

    public const string Condition = "#if DEBUG";

    public Location Directive { get; }

    public TextSpan Span { get; }

    /// <summary>True in a Debug build: the code in the region is compiled (and its mappings seen as operations).</summary>
    public bool Active { get; }

    /// <summary>The paths MapHealthChecks / UseHealthChecks are called with in the region's disabled text.</summary>
    public ImmutableArray<string> DisabledHealthPaths { get; }

    public static ImmutableArray<DebugOnlyRegion> In(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return ImmutableArray<DebugOnlyRegion>.Empty;
        }

        var regions = ImmutableArray.CreateBuilder<DebugOnlyRegion>();
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive is not IfDirectiveTriviaSyntax { Condition: IdentifierNameSyntax { Identifier.ValueText: "DEBUG" } } debug)
            {
                continue;
            }

            var next = debug.GetRelatedDirectives().SkipWhile(related => related != debug).Skip(1).FirstOrDefault();
            if (next is null)
            {
                continue;
            }

            var span = TextSpan.FromBounds(debug.FullSpan.End, next.FullSpan.Start);
            var paths = debug.BranchTaken
                ? ImmutableArray<string>.Empty
                : Regex.Matches(tree.GetText(cancellationToken).ToString(span), HealthMapping, RegexOptions.CultureInvariant).Cast<Match>().Select(match => match.Groups["path"].Value).ToImmutableArray();
            regions.Add(new DebugOnlyRegion(debug.GetLocation(), span, debug.BranchTaken, paths));
        }

        return regions.ToImmutable();
    }
}
