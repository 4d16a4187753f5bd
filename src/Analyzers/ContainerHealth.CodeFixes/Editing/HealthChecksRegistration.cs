using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ContainerHealth.CodeFixes.Editing;

/// <summary>Adds AddHealthChecks() where services are registered: before builder.Build(), or in Startup.ConfigureServices.</summary>
internal static class HealthChecksRegistration
{
    /// <summary>Whether <paramref name="site"/> (a Build() call or a ConfigureServices method) can take the call.</summary>
    public static bool CanAdd(SyntaxNode site) => Plan(site) is not null;

    public static async Task<Solution> AddAsync(Solution solution, Location site, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(site.SourceTree);
        if (document is null)
        {
            return solution;
        }

        var editor = new SolutionEditor(solution);
        var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
        var node = documentEditor.OriginalRoot.FindNode(site.SourceSpan, getInnermostNodeForTie: true);
        Apply(documentEditor, node);
        return editor.GetChangedSolution();
    }

    public static void Apply(DocumentEditor editor, SyntaxNode site)
    {
        switch (Plan(site))
        {
            case (StatementSyntax anchor, string code, true):
                StatementPlacement.InsertBefore(editor, anchor, code);
                break;
            case (BlockSyntax body, string code, false):
                StatementPlacement.Append(editor, body, code);
                break;
        }
    }

    private static (SyntaxNode Anchor, string Code, bool Before)? Plan(SyntaxNode site)
    {
        if (site.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax builder } } build
            && StatementPlacement.EnclosingStatement(build) is { } statement)
        {
            return (statement, builder.Identifier.ValueText + ".Services.AddHealthChecks();", true);
        }

        if (site.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { Body: { } body, ParameterList.Parameters: { Count: 1 } parameters })
        {
            return (body, parameters.First().Identifier.ValueText + ".AddHealthChecks();", false);
        }

        return null;
    }
}
