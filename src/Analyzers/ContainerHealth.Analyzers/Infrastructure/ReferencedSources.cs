using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// The C# files of the projects this one references, handed over by the package's targets as AdditionalFiles with
/// ContainerHealthReferencedSource metadata: a referenced project is only metadata to the compiler, so this is how the
/// rules see what its extension methods (MapDefaultEndpoints) do. Parsed on first use only: most apps never ask.
/// </summary>
internal sealed class ReferencedSources
{
    public const string Metadata = "build_metadata.AdditionalFiles.ContainerHealthReferencedSource";

    private readonly Lazy<ILookup<string, MethodDeclarationSyntax>> methods;

    private ReferencedSources(ImmutableArray<AdditionalText> files, CSharpParseOptions? parseOptions, CancellationToken cancellationToken)
    {
        IsEmpty = files.IsEmpty;
        methods = new Lazy<ILookup<string, MethodDeclarationSyntax>>(
            () => files
                .Select(file => file.GetText(cancellationToken) is { } text ? CSharpSyntaxTree.ParseText(text, parseOptions, file.Path, cancellationToken) : null)
                .Where(tree => tree is not null)
                .SelectMany(tree => tree!.GetRoot(cancellationToken).DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax)).OfType<MethodDeclarationSyntax>())
                .ToLookup(method => Key((method.Parent as TypeDeclarationSyntax)?.Identifier.ValueText, method.Identifier.ValueText)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsEmpty { get; }

    public static ReferencedSources Read(AnalyzerOptions options, ParseOptions? parseOptions, CancellationToken cancellationToken)
    {
        var files = options.AdditionalFiles
            .Where(file => options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(Metadata, out var value)
                && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray();
        return new ReferencedSources(files, parseOptions as CSharpParseOptions, cancellationToken);
    }

    /// <summary>The declaration of a method of a referenced project, found by its type's and its own name and arity.</summary>
    public MethodDeclarationSyntax? Find(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        return methods.Value[Key(definition.ContainingType?.Name, definition.Name)]
            .FirstOrDefault(candidate => candidate.ParameterList.Parameters.Count == definition.Parameters.Length);
    }

    private static string Key(string? type, string method) => type + "." + method;
}
