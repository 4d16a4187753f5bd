using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ContainerHealth.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerHealth.CodeFixes.HealthEndpoint;

/// <summary>CH0004: appends .AllowAnonymous() to the health endpoint's mapping (AllowAnonymous wins over RequireAuthorization and the fallback policy).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HealthEndpointAuthorizationFixer)), Shared]
public sealed class HealthEndpointAuthorizationFixer : CodeFixProvider
{
    private const string Title = "Append .AllowAnonymous()";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.HealthEndpointRequiresAuthorization);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // Controller actions are reported on the method: [AllowAnonymous] is for the developer to place; middleware
            // (UseHealthChecks) has no AllowAnonymous: it moves.
            if (!diagnostic.Properties.ContainsKey(ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAuthorizationRule.MiddlewareProperty)
                && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax mapping)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => AllowAnonymousAsync(context.Document, mapping, token), Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AllowAnonymousAsync(Document document, InvocationExpressionSyntax mapping, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var allowed = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    mapping.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName("AllowAnonymous")))
            .WithTrailingTrivia(mapping.GetTrailingTrivia());
        return document.WithSyntaxRoot(root!.ReplaceNode(mapping, allowed));
    }
}
