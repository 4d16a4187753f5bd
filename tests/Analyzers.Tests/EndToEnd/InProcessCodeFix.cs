using System.Collections.Immutable;
using ContainerHealth.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerHealth.Analyzers.Tests.EndToEnd;

/// <summary>
/// Runs our analyzers and one fixer on a real project's sources and its build-generated analyzer config (the
/// build_property.* values MSBuild computed), the way the IDE applies a code fix, and returns the fixed text.
/// </summary>
internal static class InProcessCodeFix
{
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, string? FixedText)> ApplyAsync(
        CodeFixProvider fixer, string diagnosticId, string fixedFile, IEnumerable<string> sources, string analyzerConfig)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var project = workspace.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "App",
            "App",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: AspNetCoreReferences.Assemblies).WithAnalyzerConfigDocuments(
            [
                DocumentInfo.Create(
                    DocumentId.CreateNewId(projectId),
                    Path.GetFileName(analyzerConfig),
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(File.ReadAllText(analyzerConfig)), VersionStamp.Default, analyzerConfig)),
                    filePath: analyzerConfig),
            ]));
        foreach (var source in sources)
        {
            project = project.AddDocument(Path.GetFileName(source), SourceText.From(File.ReadAllText(source)), filePath: source).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AnalyzerRun.All, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var target = diagnostics.FirstOrDefault(diagnostic => diagnostic.Id == diagnosticId);
        if (target is null)
        {
            return (diagnostics, null);
        }

        var document = project.GetDocument(target.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, target, (action, _) => actions.Add(action), CancellationToken.None));
        var apply = (await actions.Single().GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var changed = apply.ChangedSolution.Projects.Single().Documents.Single(d => d.FilePath == fixedFile);
        return (diagnostics, (await changed.GetTextAsync()).ToString());
    }
}
