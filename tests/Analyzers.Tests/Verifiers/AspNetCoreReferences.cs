using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

/// <summary>
/// The real .NET and ASP.NET Core reference assemblies from the SDK's targeting packs (packs/*.App.Ref), so the tests
/// compile against exactly what a `dotnet new web` app compiles against, without a download.
/// </summary>
public static class AspNetCoreReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    /// <summary>No reference package: the targeting-pack assemblies below are the whole framework.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static IReadOnlyList<MetadataReference> Assemblies => All.Value;

    public static string PackDirectory(string pack)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var versions = Path.Combine(dotnetRoot, "packs", pack);
        var major = Environment.Version.Major + ".";
        var version = Directory.GetDirectories(versions)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith(major, StringComparison.Ordinal))
            .OrderBy(name => Version.TryParse(name, out var parsed) ? parsed : new Version())
            .Last();
        return Path.Combine(versions, version!, "ref", "net" + Environment.Version.Major + ".0");
    }

    private static IReadOnlyList<MetadataReference> Load() =>
        new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .SelectMany(pack => Directory.GetFiles(PackDirectory(pack), "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
}
