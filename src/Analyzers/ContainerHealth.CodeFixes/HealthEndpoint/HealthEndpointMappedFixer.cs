using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContainerHealth.Analyzers;
using ContainerHealth.Analyzers.HealthEndpoint;
using ContainerHealth.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ContainerHealth.CodeFixes.HealthEndpoint;

/// <summary>CH0001: registers health checks and maps them at the probed path, in a top-level program or a Startup class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HealthEndpointMappedFixer)), Shared]
public sealed class HealthEndpointMappedFixer : CodeFixProvider
{
    private const string Title = "Add AddHealthChecks() and MapHealthChecks()";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.HealthEndpointNotMapped);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } site
                || !diagnostic.Properties.TryGetValue(HealthEndpointMappedRule.PathProperty, out var path)
                || path is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(HealthEndpointMappedRule.SiteProperty, out var kind);
            if (kind == "WebApplicationBuild" && TopLevelPlan(site, path) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => FixProgramAsync(context.Document, site, plan, token), Title),
                    diagnostic);
            }
            else if (kind == "UseEndpoints" && diagnostic.AdditionalLocations.Count > 0 && EndpointsLambdaBody(site) is { } body)
            {
                var services = diagnostic.AdditionalLocations[0];
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => FixStartupAsync(context.Document, body, path, services, token), Title),
                    diagnostic);
            }
        }
    }

    private static (StatementSyntax MapAnchor, bool Before, string MapCall)? TopLevelPlan(InvocationExpressionSyntax build, string path)
    {
        if (!HealthChecksRegistration.CanAdd(build)
            || StatementPlacement.EnclosingStatement(build) is not LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } declaration
            || variables[0].Initializer?.Value != build)
        {
            return null;
        }

        var app = variables[0].Identifier.ValueText;
        var mapCall = app + ".MapHealthChecks(" + SyntaxFactory.Literal(path).ToString() + ");";
        var siblings = declaration.Parent is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }
            ? unit.Members.OfType<GlobalStatementSyntax>().Select(global => global.Statement).ToList()
            : ((BlockSyntax)declaration.Parent!).Statements.ToList();
        var run = siblings.Skip(siblings.IndexOf(declaration) + 1).FirstOrDefault(statement => IsRunOf(statement, app));
        return run is null ? (declaration, false, mapCall) : (run, true, mapCall);
    }

    private static bool IsRunOf(StatementSyntax statement, string app)
    {
        var expression = (statement as ExpressionStatementSyntax)?.Expression;
        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        return expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "Run" or "RunAsync" } }
            && receiver.Identifier.ValueText == app;
    }

    private static async Task<Document> FixProgramAsync(Document document, InvocationExpressionSyntax build, (StatementSyntax MapAnchor, bool Before, string MapCall) plan, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        HealthChecksRegistration.Apply(editor, build);
        if (plan.Before)
        {
            StatementPlacement.InsertBefore(editor, plan.MapAnchor, plan.MapCall);
        }
        else
        {
            StatementPlacement.InsertAfter(editor, plan.MapAnchor, plan.MapCall);
        }

        return editor.GetChangedDocument();
    }

    private static (BlockSyntax Body, string Parameter)? EndpointsLambdaBody(InvocationExpressionSyntax useEndpoints) =>
        useEndpoints.ArgumentList.Arguments.LastOrDefault()?.Expression switch
        {
            SimpleLambdaExpressionSyntax { Block: { } block } lambda => (block, lambda.Parameter.Identifier.ValueText),
            ParenthesizedLambdaExpressionSyntax { Block: { } block, ParameterList.Parameters: { Count: 1 } parameters } => (block, parameters[0].Identifier.ValueText),
            _ => null,
        };

    private static async Task<Solution> FixStartupAsync(Document document, (BlockSyntax Body, string Parameter) endpoints, string path, Location services, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(document.Project.Solution);
        var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
        StatementPlacement.Append(documentEditor, endpoints.Body, endpoints.Parameter + ".MapHealthChecks(" + SyntaxFactory.Literal(path).ToString() + ");");
        if (document.Project.Solution.GetDocument(services.SourceTree) is { } servicesDocument)
        {
            var servicesEditor = await editor.GetDocumentEditorAsync(servicesDocument.Id, cancellationToken).ConfigureAwait(false);
            HealthChecksRegistration.Apply(servicesEditor, servicesEditor.OriginalRoot.FindNode(services.SourceSpan, getInnermostNodeForTie: true));
        }

        return editor.GetChangedSolution();
    }
}
