using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContainerHealth.Analyzers;
using ContainerHealth.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ContainerHealth.CodeFixes.GrpcHealth;

/// <summary>
/// CH0007: adds AddGrpcHealthChecks() before builder.Build() and MapGrpcHealthChecksService() after the service's mapping;
/// CH0008: adds AddGrpcHealthChecks(). Top-level programs (<c>var app = builder.Build();</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GrpcHealthServiceFixer)), Shared]
public sealed class GrpcHealthServiceFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(DiagnosticIds.GrpcHealthServiceNotMapped, DiagnosticIds.GrpcHealthChecksNotRegistered);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || BuildStatement(root) is not { } build)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var site = StatementPlacement.EnclosingStatement(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            var mapHealth = diagnostic.Id == DiagnosticIds.GrpcHealthServiceNotMapped;
            var title = mapHealth ? "Add AddGrpcHealthChecks() and MapGrpcHealthChecksService()" : "Add AddGrpcHealthChecks()";
            context.RegisterCodeFix(
                CodeAction.Create(title, token => FixAsync(context.Document, build, mapHealth ? site : null, token), title),
                diagnostic);
        }
    }

    /// <summary><c>var app = builder.Build();</c>: the statement, the builder's and the app's names.</summary>
    private static (LocalDeclarationStatementSyntax Statement, string Builder, string App)? BuildStatement(SyntaxNode root)
    {
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.Declaration.Variables is { Count: 1 } variables
                && variables[0].Initializer?.Value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax builder } })
            {
                return (declaration, builder.Identifier.ValueText, variables[0].Identifier.ValueText);
            }
        }

        return null;
    }

    private static async Task<Document> FixAsync(
        Document document,
        (LocalDeclarationStatementSyntax Statement, string Builder, string App) build,
        StatementSyntax? mapSite,
        CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var text = build.Statement.SyntaxTree.GetText(cancellationToken).ToString();
        if (!text.Contains("AddGrpcHealthChecks("))
        {
            StatementPlacement.InsertBefore(editor, build.Statement, build.Builder + ".Services.AddGrpcHealthChecks();");
        }

        if (mapSite is not null)
        {
            // After the service's mapping when the warning sits on it; else right after the app is built.
            var anchor = mapSite.SpanStart > build.Statement.SpanStart ? mapSite : build.Statement;
            StatementPlacement.InsertAfter(editor, anchor, build.App + ".MapGrpcHealthChecksService();");
        }

        return editor.GetChangedDocument();
    }
}
