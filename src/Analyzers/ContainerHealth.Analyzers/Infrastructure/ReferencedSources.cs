using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// The C# files of the projects this one references, handed over by the package's targets as AdditionalFiles with
/// ContainerHealthReferencedSource metadata: a referenced project is only metadata to the compiler, so this is how the
/// rules see what its extension methods (MapDefaultEndpoints) do. Nothing is read until a method is asked for; then the
/// files are scanned once for extension-method names, and only the files declaring the asked name are parsed.
/// </summary>
internal sealed class ReferencedSources
{
    public const string Metadata = "build_metadata.AdditionalFiles.ContainerHealthReferencedSource";

    // "static ... Name<T>(this": the extension methods a file declares, found without parsing it.
    private static readonly Regex ExtensionMethod = new(@"\bstatic\b[^;{}=()]*?\b(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(<[^<>()]*>)?\s*\(\s*this\b", RegexOptions.CultureInvariant);

    private readonly ImmutableArray<AdditionalText> files;
    private readonly CSharpParseOptions? parseOptions;
    private readonly CancellationToken cancellationToken;
    private readonly Lazy<ILookup<string, AdditionalText>> declaringFiles;
    private readonly ConcurrentDictionary<AdditionalText, SyntaxTree?> trees = new();

    private ReferencedSources(ImmutableArray<AdditionalText> files, CSharpParseOptions? parseOptions, CancellationToken cancellationToken)
    {
        this.files = files;
        this.parseOptions = parseOptions;
        this.cancellationToken = cancellationToken;
        declaringFiles = new Lazy<ILookup<string, AdditionalText>>(IndexNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsEmpty => files.IsEmpty;

    public static ReferencedSources Read(AnalyzerOptions options, ParseOptions? parseOptions, CancellationToken cancellationToken) =>
        Read(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider, parseOptions, cancellationToken);

    public static ReferencedSources Read(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider provider, ParseOptions? parseOptions, CancellationToken cancellationToken)
    {
        var files = additionalFiles
            .Where(file => provider.GetOptions(file).TryGetValue(Metadata, out var value)
                && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray();
        return new ReferencedSources(files, parseOptions as CSharpParseOptions, cancellationToken);
    }

    /// <summary>The declaration of an extension method of a referenced project, found by its type's and its own name and arity.</summary>
    public MethodDeclarationSyntax? Find(IMethodSymbol method)
    {
        if (files.IsEmpty)
        {
            return null;
        }

        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        foreach (var file in declaringFiles.Value[definition.Name])
        {
            var tree = trees.GetOrAdd(file, Parse);
            if (tree is null)
            {
                continue;
            }

            var found = tree.GetRoot(cancellationToken)
                .DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax))
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(candidate => candidate.Identifier.ValueText == definition.Name
                    && (candidate.Parent as TypeDeclarationSyntax)?.Identifier.ValueText == definition.ContainingType?.Name
                    && candidate.ParameterList.Parameters.Count == definition.Parameters.Length);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private ILookup<string, AdditionalText> IndexNames() =>
        files
            .SelectMany(file => file.GetText(cancellationToken) is { } text
                ? ExtensionMethod.Matches(text.ToString()).Cast<Match>().Select(match => (Name: match.Groups["name"].Value, File: file))
                : Enumerable.Empty<(string Name, AdditionalText File)>())
            .Distinct()
            .ToLookup(entry => entry.Name, entry => entry.File);

    private SyntaxTree? Parse(AdditionalText file) =>
        file.GetText(cancellationToken) is { } text ? CSharpSyntaxTree.ParseText(text, parseOptions, file.Path, cancellationToken) : null;
}
