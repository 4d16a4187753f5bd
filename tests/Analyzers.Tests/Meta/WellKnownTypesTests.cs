using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Tests.Meta;

[Trait("Tier", "Unit")]
public sealed class WellKnownTypesTests
{
    public static TheoryData<string> Names => new(WellKnownTypes.All.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void Resolves_against_the_real_ASP_NET_Core_reference_assemblies(string metadataName)
    {
        var compilation = AnalyzerRun.Compile("");

        Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_defined_in_the_assembly_the_table_names(string metadataName)
    {
        var compilation = AnalyzerRun.Compile("");

        Assert.Equal(WellKnownTypes.All[metadataName], compilation.GetTypeByMetadataName(metadataName)!.ContainingAssembly.Name);
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

    [Fact]
    public void A_second_definition_of_a_framework_type_in_a_reference_does_not_turn_the_rules_off()
    {
        var polyfill = ReferencedProject.Compile("Polyfills", "namespace Microsoft.AspNetCore.Builder; public static class EndpointRouteBuilderExtensions { }").Reference!;
        var compilation = AnalyzerRun.Compile("").AddReferences(polyfill);
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"));

        var types = WellKnownTypes.TryCreate(compilation);

        Assert.NotNull(types);
        Assert.Equal("Microsoft.AspNetCore.Routing", types.EndpointRouteBuilderExtensions.ContainingAssembly.Name);
    }

    [Theory]
    [InlineData("SystemsApi.ServiceDefaults")]
    [InlineData("System.Company.Endpoints")]
    [InlineData("Microsoft.Contoso.Health")]
    public void A_user_assembly_named_like_the_framework_is_not_the_framework(string name)
    {
        var library = ReferencedProject.Compile(name, "public static class Extensions { }").Reference!;
        var compilation = AnalyzerRun.Compile("").AddReferences(library);

        Assert.False(FrameworkAssembly.Is((IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(library)!));
        Assert.True(FrameworkAssembly.Is(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication")!.ContainingAssembly));
        Assert.True(FrameworkAssembly.Is(compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly));
    }
}
