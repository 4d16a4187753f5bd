using System.Collections.Concurrent;
using System.Collections.Immutable;
using ContainerHealth.Analyzers.HealthEndpoint;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

/// <summary>All ContainerHealth analyzers run over a compilation the way the compiler runs them, exceptions captured.</summary>
public static class AnalyzerRun
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(HealthEndpointAnalyzer).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "App",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{index}.cs")),
            AspNetCoreReferences.Assemblies,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<Exception> Exceptions)> RunAsync(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
