using System.Globalization;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Ports;

/// <summary>
/// Rule CH0009: the code pins the address Kestrel listens on to ports the container health check does not probe, so
/// the probe's connection is refused. A port read at run time (configuration, a variable) is unknown: no warning.
/// </summary>
internal static class PinnedPortRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.PortPinnedInCode,
        title: "The code pins the app to a port the container health check does not probe",
        messageFormat: "{0} pins the app to port {1}, but the container health check probes port {2}, so its connection is refused: remove it and let ASPNETCORE_HTTP_PORTS set the port, or set ContainerHealthCheckPort to {1}",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "UseUrls, app.Urls.Add, app.Run(url) and Kestrel's Listen* override ASPNETCORE_HTTP_PORTS, the port the .NET images set and the container check probes.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.PortPinnedInCode),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, System.Collections.Immutable.ImmutableArray<PinnedAddress> pinned, ContainerHealthOptions options)
    {
        if (pinned.IsEmpty || options.CustomCommand || pinned.Any(address => address.Port is null || address.Port == options.ContainerPort))
        {
            return;
        }

        var probed = options.ContainerPort.ToString(CultureInfo.InvariantCulture);
        foreach (var address in pinned)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, address.Location, address.Source, address.Port!.Value.ToString(CultureInfo.InvariantCulture), probed));
        }
    }
}
