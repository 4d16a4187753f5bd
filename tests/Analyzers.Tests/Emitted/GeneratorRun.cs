using System.Collections.Immutable;
using ContainerHealth.EndpointRecorder;
using ContainerHealth.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Tests.Emitted;

/// <summary>Runs <see cref="HealthEndpointsGenerator"/> the way the compiler does and hands back the metadata it wrote.</summary>
internal static class GeneratorRun
{
    public static (string? Metadata, Compilation Output) Run(
        IReadOnlyDictionary<string, string>? properties = null, OutputKind kind = OutputKind.ConsoleApplication, params string[] sources) =>
        Run(properties, kind, new ReferencedProject(null, []), sources);

    /// <param name="referenced">A referenced project: its compiled reference and its C# files, handed over as the package's targets do.</param>
    public static (string? Metadata, Compilation Output) Run(
        IReadOnlyDictionary<string, string>? properties, OutputKind kind, ReferencedProject referenced, params string[] sources)
    {
        var compilation = AnalyzerRun.Compile(sources).WithOptions(new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        if (referenced.Reference is not null)
        {
            compilation = compilation.AddReferences(referenced.Reference);
        }

        var driver = CSharpGeneratorDriver.Create(
            [new HealthEndpointsGenerator().AsSourceGenerator()],
            referenced.Files.Select(file => (AdditionalText)new SourceFile(file.Path, file.Text)),
            optionsProvider: new PropertiesProvider(properties ?? ContainerHealthTestState.DefaultProperties));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var attribute = output.Assembly.GetAttributes()
            .SingleOrDefault(attribute => attribute.AttributeClass?.Name == "AssemblyMetadataAttribute"
                && (string?)attribute.ConstructorArguments[0].Value == AppHealthEndpoints.MetadataKey);
        return ((string?)attribute?.ConstructorArguments[1].Value, output);
    }

    public static AppHealthEndpoints Endpoints(IReadOnlyDictionary<string, string>? properties, params string[] sources) =>
        Endpoints(properties, new ReferencedProject(null, []), sources);

    public static AppHealthEndpoints Endpoints(IReadOnlyDictionary<string, string>? properties, ReferencedProject referenced, params string[] sources)
    {
        var (metadata, output) = Run(properties, OutputKind.ConsoleApplication, referenced, sources);
        Assert.True(metadata is not null, "no metadata emitted");
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.True(AppHealthEndpoints.TryParse(metadata, out var endpoints), metadata);
        return endpoints;
    }

    private sealed class PropertiesProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToImmutableDictionary(entry => "build_property." + entry.Key, entry => entry.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.ContainerHealthReferencedSource", "true"));
    }

    private sealed class SourceFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
