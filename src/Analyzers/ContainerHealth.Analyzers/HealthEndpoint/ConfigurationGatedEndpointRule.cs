using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>
/// Rule CH0010: the health endpoint is mapped only when a configuration value is true, and the appsettings files the
/// container reads leave it off. Reported by <see cref="DevelopmentOnlyEndpointRule"/>, which judges every mapping the
/// container does not run; this is the wording for a configuration gate.
/// </summary>
internal static class ConfigurationGatedEndpointRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HealthEndpointGatedByConfiguration,
        title: "The health endpoint is mapped only when a configuration value is on",
        messageFormat: "'{0}' is mapped only when configuration '{1}' is true, which is {2}, so the container's health check gets 404: set \"{1}\" to true in appsettings.json, or map the health endpoint unconditionally",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A mapping under if (configuration.GetValue<bool>(\"Key\")) runs in the container only when its appsettings files (appsettings.json, appsettings.Production.json) or its environment turn the key on.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HealthEndpointGatedByConfiguration),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
