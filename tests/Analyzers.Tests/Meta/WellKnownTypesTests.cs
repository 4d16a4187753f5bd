using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Tests.Verifiers;

namespace ContainerHealth.Analyzers.Tests.Meta;

public sealed class WellKnownTypesTests
{
    public static TheoryData<string> Names => new(WellKnownTypes.All);

    [Theory]
    [MemberData(nameof(Names))]
    public void Resolves_against_the_real_ASP_NET_Core_reference_assemblies(string metadataName)
    {
        var compilation = AnalyzerRun.Compile("");

        Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
    }

    [Fact]
    public void Every_property_is_resolved_in_an_ASP_NET_Core_compilation()
    {
        var types = WellKnownTypes.TryCreate(AnalyzerRun.Compile(""));

        Assert.NotNull(types);
        var unresolved = typeof(WellKnownTypes).GetProperties()
            .Where(property => property.GetValue(types) is null)
            .Select(property => property.Name);
        Assert.Empty(unresolved);
    }

    [Fact]
    public void A_compilation_without_ASP_NET_Core_turns_the_rules_off()
    {
        var plain = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Console",
            references: AspNetCoreReferences.Assemblies.Where(reference => !reference.Display!.Contains("AspNetCore", StringComparison.Ordinal)));

        Assert.Null(WellKnownTypes.TryCreate(plain));
    }
}
