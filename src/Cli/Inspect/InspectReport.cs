using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Cli.Inspect;

/// <summary>What <c>inspect --json</c> prints: one object per image, stable property names, null where unknown.</summary>
public sealed record InspectReport(
    string Image,
    string Platform,
    IReadOnlyList<string> Platforms,
    string? ManifestDigest,
    string Source,
    bool? Shell,
    string? ShellPath,
    bool? Curl,
    bool? Wget,
    IReadOnlyList<string> BusyboxApplets,
    string Libc,
    string? User,
    string? WorkingDirectory,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string> PortEnvironment,
    IReadOnlyList<string> Environment,
    InspectHealthcheck? Healthcheck,
    string Summary,
    IReadOnlyList<InspectWarning> Warnings)
{
    public static InspectReport From(ImageInspectionResult result)
    {
        var facts = result.Facts;
        return new InspectReport(
            facts.Image,
            facts.Platform,
            result.Platforms,
            facts.ManifestDigest,
            facts.Source.ToString().ToLowerInvariant(),
            facts.HasShell,
            facts.ShellTarget,
            facts.HasProgram("curl"),
            facts.HasProgram("wget"),
            facts.BusyboxApplets,
            facts.Libc.ToString().ToLowerInvariant(),
            facts.User,
            facts.WorkingDirectory,
            facts.ExposedPorts,
            PortSettings.From(facts.Environment),
            facts.Environment,
            facts.Healthcheck is { } check ? InspectHealthcheck.From(check) : null,
            facts.Describe(),
            result.Warning is { } warning ? [new InspectWarning(warning.Code, warning.Message, warning.HelpLink)] : []);
    }
}

public sealed record InspectHealthcheck(IReadOnlyList<string> Test, double? IntervalSeconds, double? TimeoutSeconds, double? StartPeriodSeconds, int? Retries)
{
    public static InspectHealthcheck From(ImageHealthcheck check) =>
        new(check.Test, check.Interval?.TotalSeconds, check.Timeout?.TotalSeconds, check.StartPeriod?.TotalSeconds, check.Retries);
}

public sealed record InspectWarning(string Code, string Message, string HelpUri);
