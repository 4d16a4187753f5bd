using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.HostFiltering;

/// <summary>
/// Rule CH0011: host filtering set in code excludes the Host header the container probe sends (localhost:PORT, or the
/// one the build pinned), so every check gets 400. Hosts that are not constants are not judged.
/// </summary>
internal static class HostFilteringRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.HostFilteringExcludesProbe,
        title: "Host filtering set in code rejects the container probe",
        messageFormat: "AllowedHosts is set in code to {0}, so the container probe (Host: {1}) gets 400 Bad Request: add \"localhost\" to the allowed hosts, or set them in appsettings.json, where the build reads them and sends a host they accept",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The host filtering middleware answers 400 to a Host header outside AllowedHosts; the probe runs inside the container and sends localhost:PORT. Set in code, AllowedHosts wins over the appsettings files the build reads.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HostFilteringExcludesProbe),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static void Report(CompilationAnalysisContext context, ImmutableArray<HostFilterSite> sites, ContainerHealthOptions options)
    {
        if (sites.IsEmpty || options.CustomCommand || sites.Any(site => site.Hosts.IsDefault))
        {
            return;
        }

        var allowed = sites.SelectMany(site => site.Hosts).ToList();
        var sent = options.HostHeader ?? "localhost:" + options.ContainerPort.ToString(CultureInfo.InvariantCulture);
        var sentHost = sent.Split(':')[0];
        if (allowed.Count == 0 || allowed.Any(host => Allows(host, sentHost)))
        {
            return;
        }

        var names = string.Join(", ", allowed.Distinct().Select(host => "'" + host + "'"));
        foreach (var site in sites)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, site.Location, names, sent));
        }
    }

    /// <summary>As HostFilteringMiddleware matches: "*", the host itself, or "*.domain" for a subdomain; ports are ignored.</summary>
    private static bool Allows(string pattern, string host)
    {
        var trimmed = pattern.Trim();
        if (trimmed == "*")
        {
            return true;
        }

        var name = trimmed.StartsWith("[", StringComparison.Ordinal) ? trimmed : trimmed.Split(':')[0];
        return string.Equals(name, host, StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(name.Substring(1), StringComparison.OrdinalIgnoreCase));
    }
}
