using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

/// <summary>A project the app references: its compiled reference and its C# files (path, text).</summary>
internal sealed record ReferencedProject(MetadataReference? Reference, IReadOnlyList<(string Path, string Text)> Files)
{
    public static ReferencedProject Compile(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name, [CSharpSyntaxTree.ParseText(source)], AspNetCoreReferences.Assemblies, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return new ReferencedProject(MetadataReference.CreateFromImage(image.ToArray()), [("/" + name + "/Extensions.cs", source)]);
    }

    /// <summary>Hands the project to an analyzer test as the package's targets do: the reference, and its files as AdditionalFiles marked ContainerHealthReferencedSource.</summary>
    public void AddTo(SolutionState state)
    {
        state.AdditionalReferences.Add(Reference!);
        var config = new StringBuilder("is_global = true\n");
        foreach (var (path, text) in Files)
        {
            state.AdditionalFiles.Add((path, text));
            config.Append('\n').Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.ContainerHealthReferencedSource = true\n");
        }

        state.AnalyzerConfigFiles.Add(("/.referenced.globalconfig", config.ToString()));
    }
}
