using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContainerHealth.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContainerHealth.CodeFixes.HealthEndpoint;

/// <summary>
/// CH0006: moves the health endpoint's mapping out of the development-only if, right after it (the if goes when
/// nothing else is left in it), and, when the project pins another probed path, maps it at that path: one step to a
/// working check. Offered for mappings in this project; one in a referenced project is for its owner.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DevelopmentOnlyEndpointFixer)), Shared]
public sealed class DevelopmentOnlyEndpointFixer : CodeFixProvider
{
    private const string Title = "Map the health endpoint in every environment";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.HealthEndpointDevelopmentOnly, DiagnosticIds.HealthEndpointGatedByConfiguration);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(ContainerHealth.Analyzers.HealthEndpoint.DevelopmentOnlyEndpointRule.MovableProperty)
                && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } mapping
                && EnclosingIf(mapping) is { } condition)
            {
                diagnostic.Properties.TryGetValue(ContainerHealth.Analyzers.HealthEndpoint.DevelopmentOnlyEndpointRule.ProbedPathProperty, out var probed);
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => MoveOutAsync(context.Document, mapping, condition, probed, token), Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The if whose then-branch holds the mapping, directly or as the only statement of its block.</summary>
    private static IfStatementSyntax? EnclosingIf(ExpressionStatementSyntax mapping) =>
        mapping.Parent switch
        {
            IfStatementSyntax direct when direct.Statement == mapping => direct,
            BlockSyntax { Parent: IfStatementSyntax owner } block when owner.Statement == block => owner,
            _ => null,
        };

    private static async Task<Document> MoveOutAsync(Document document, ExpressionStatementSyntax mapping, IfStatementSyntax condition, string? probedPath, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var moved = AtPath(mapping, probedPath).WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation);
        var emptied = condition.Else is null
            && (condition.Statement == mapping || condition.Statement is BlockSyntax { Statements.Count: 1 });
        SyntaxNode updated;
        if (emptied)
        {
            updated = root!.ReplaceNode(condition, moved.WithLeadingTrivia(condition.GetLeadingTrivia()).WithTrailingTrivia(condition.GetTrailingTrivia()));
        }
        else
        {
            var anchor = condition.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : condition;
            var inserted = anchor is GlobalStatementSyntax ? (SyntaxNode)SyntaxFactory.GlobalStatement(moved) : moved;
            var withoutMapping = root!.TrackNodes(anchor, mapping);
            withoutMapping = withoutMapping.RemoveNode(withoutMapping.GetCurrentNode(mapping)!, SyntaxRemoveOptions.KeepNoTrivia)!;
            updated = withoutMapping.InsertNodesAfter(withoutMapping.GetCurrentNode(anchor)!, new[] { inserted });
        }

        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The mapping with its path literal (the first string literal argument of the mapping call) set to the probed path.</summary>
    private static ExpressionStatementSyntax AtPath(ExpressionStatementSyntax mapping, string? probedPath)
    {
        var literal = probedPath is null
            ? null
            : mapping.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapHealthChecks" or "UseHealthChecks" or "MapGet" })
                .Select(call => call.ArgumentList.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax)
                .FirstOrDefault(found => found is not null && found.IsKind(SyntaxKind.StringLiteralExpression));
        return literal is null
            ? mapping
            : mapping.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(probedPath!)).WithTriviaFrom(literal));
    }
}
