using System.Collections.Immutable;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>
/// CH0001-CH0006, CH0009: the endpoint the container probes is mapped, registered, anonymous and reachable from localhost, on the port it probes.
/// One analyzer, so the app's endpoint map is collected once per compilation; each rule lives in its own *Rule file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthEndpointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        HealthEndpointMappedRule.NotMapped,
        HealthEndpointMappedRule.MappedElsewhere,
        HealthChecksRegisteredRule.Rule,
        HealthEndpointAuthorizationRule.Rule,
        HealthEndpointHostRule.Rule,
        DevelopmentOnlyEndpointRule.Rule,
        ConfigurationGatedEndpointRule.Rule,
        Ports.PinnedPortRule.Rule,
        HostFiltering.HostFilteringRule.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        HealthRuleScope.Register(context, (end, map, options, probed) =>
        {
            HealthEndpointMappedRule.Report(end, map, options, probed);
            HealthChecksRegisteredRule.Report(end, map, options, probed);
            HealthEndpointAuthorizationRule.Report(end, map, options, probed);
            HealthEndpointHostRule.Report(end, map, options, probed);
            DevelopmentOnlyEndpointRule.Report(end, map, options, probed);
            Ports.PinnedPortRule.Report(end, map.PinnedAddresses, options);
            HostFiltering.HostFilteringRule.Report(end, map.HostFilterSites, options);
        });
    }
}
