using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

/// <summary>What every analyzer test compiles: an ASP.NET Core executable with the MSBuild properties our package makes visible.</summary>
internal static class ContainerHealthTestState
{
    public static readonly IReadOnlyDictionary<string, string> DefaultProperties = new Dictionary<string, string>
    {
        ["EnableSdkContainerSupport"] = "true",
        ["ContainerHealthCheck"] = "true",
        ["ContainerHealthCheckPath"] = "/healthz",
        ["ContainerHealthCheckCommand"] = "",
    };

    public static readonly IReadOnlyList<string> AllIds =
        new ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).ToList();

    /// <summary>The rules a test class checks: a fixer's own IDs (CH0001's fixer also owns CH0002, its other outcome).</summary>
    public static HashSet<string> RulesOf(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider fixer)
    {
        var rules = fixer.FixableDiagnosticIds.ToHashSet();
        if (rules.Contains(DiagnosticIds.HealthEndpointNotMapped))
        {
            rules.Add(DiagnosticIds.HealthEndpointMappedElsewhere);
        }

        return rules;
    }

    public static void Apply(SolutionState state, IDictionary<string, string> properties, bool aspNetCore)
    {
        state.OutputKind ??= OutputKind.ConsoleApplication;
        state.AdditionalReferences.AddRange(aspNetCore
            ? AspNetCoreReferences.Assemblies
            : AspNetCoreReferences.Assemblies.Where(reference => !reference.Display!.Contains("AspNetCore", StringComparison.Ordinal)));
        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
    }
}
