using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ContainerHealth.Analyzers;
using ContainerHealth.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ContainerHealth.CodeFixes.HealthEndpoint;

/// <summary>CH0003: adds AddHealthChecks() where the app registers its services (once, however many endpoints need it).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HealthChecksRegisteredFixer)), Shared]
public sealed class HealthChecksRegisteredFixer : CodeFixProvider
{
    private const string Title = "Add AddHealthChecks()";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.HealthChecksNotRegistered);

    public override FixAllProvider GetFixAllProvider() => OncePerProject.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count > 0)
            {
                var site = diagnostic.AdditionalLocations[0];
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => HealthChecksRegistration.AddAsync(context.Document.Project.Solution, site, token), Title),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every CH0003 of a project points at the same registration site: one AddHealthChecks() fixes them all.</summary>
    private sealed class OncePerProject : FixAllProvider
    {
        public static readonly OncePerProject Instance = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is not null:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

            var sites = diagnostics
                .Where(diagnostic => diagnostic.AdditionalLocations.Count > 0)
                .Select(diagnostic => diagnostic.AdditionalLocations[0])
                .GroupBy(site => (site.SourceTree?.FilePath, site.SourceSpan))
                .Select(group => group.First())
                .ToList();
            if (sites.Count == 0)
            {
                return null;
            }

            return CodeAction.Create(
                Title,
                async token =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var site in sites)
                    {
                        var tree = solution.GetDocument(site.SourceTree) is { } document ? await document.GetSyntaxTreeAsync(token).ConfigureAwait(false) : null;
                        if (tree is not null)
                        {
                            solution = await HealthChecksRegistration.AddAsync(solution, Location.Create(tree, site.SourceSpan), token).ConfigureAwait(false);
                        }
                    }

                    return solution;
                },
                Title);
        }
    }
}
