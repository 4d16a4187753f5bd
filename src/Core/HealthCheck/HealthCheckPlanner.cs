using System.Globalization;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.HealthCheck;

/// <summary>Turns the ContainerHealth* properties and the SDK's container facts into a <see cref="HealthCheckDecision"/>.</summary>
public static class HealthCheckPlanner
{
    private static readonly DockerDuration DefaultInterval = DockerDuration.FromSeconds(HealthCheckDefaults.IntervalSeconds);
    private static readonly DockerDuration DefaultTimeout = DockerDuration.FromSeconds(HealthCheckDefaults.TimeoutSeconds);
    private static readonly DockerDuration DefaultStartPeriod = DockerDuration.FromSeconds(HealthCheckDefaults.StartPeriodSeconds);
    private static readonly DockerDuration DefaultStartInterval = DockerDuration.FromSeconds(HealthCheckDefaults.StartIntervalSeconds);

    // Docker refuses non-zero durations below one millisecond.
    private static readonly DockerDuration Minimum = new(1_000_000);

    public static HealthCheckDecision Decide(HealthCheckSettings settings, ContainerFacts facts)
    {
        var diagnostics = new List<Diagnostic>();

        var probeEnabled = ParseBoolean(settings.Probe, "ContainerHealthProbe", true, diagnostics);
        var projectPath = ParsePath(settings.Path, diagnostics);
        var protocol = HealthCheckProtocolChoice.Decide(settings.Protocol, pathSetByProject: !string.IsNullOrWhiteSpace(settings.Path), facts.PackageReferences, diagnostics);
        var service = HealthCheckProtocolChoice.Service(settings.Service, protocol, diagnostics);
        var appSettings = AppSettings.Read(facts.ProjectDirectory);
        var port = ParsePort(settings.Port, facts, appSettings, diagnostics);
        var interval = ParseDuration(settings.Interval, "ContainerHealthCheckInterval", DefaultInterval, diagnostics);
        var timeout = ParseDuration(settings.Timeout, "ContainerHealthCheckTimeout", DefaultTimeout, diagnostics);
        var startPeriod = ParseDuration(settings.StartPeriod, "ContainerHealthCheckStartPeriod", DefaultStartPeriod, diagnostics);
        var startInterval = ParseDuration(settings.StartInterval, "ContainerHealthCheckStartInterval", DefaultStartInterval, diagnostics);
        var retries = ParseRetries(settings.Retries, diagnostics);
        var command = ParseCommand(settings.Command, diagnostics);
        var probesHttp = command is null && protocol == HealthCheckProtocol.Http;
        var path = ProbePathChoice.Decide(projectPath, probesHttp, facts.AppAssembly);
        var hostHeader = probesHttp ? AllowedHostsHeader.Choose(appSettings, facts.EnvironmentVariables) : null;

        var probePathInImage = ProbePath(facts.WorkingDirectory);
        string? probeRid = null;
        if (probeEnabled)
        {
            probeRid = ProbeRuntimeIdentifier.For(facts.RuntimeIdentifier, facts.ProbeRuntimeIdentifiers);
            if (probeRid is null && command is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.UnsupportedRuntimeIdentifier,
                    DiagnosticSeverity.Warning,
                    ProbeRuntimeIdentifier.Unsupported(facts.RuntimeIdentifier, facts.ProbeRuntimeIdentifiers)));
            }
        }

        var test = command ?? (probeRid is not null ? HealthCheckCommand.ForProbe(probePathInImage, protocol, path.Path, port, timeout, service, hostHeader?.Host ?? "") : null);
        if (test is not null && !HealthCheckCommand.Runs(test, probePathInImage))
        {
            // The user's own check does not run the probe: nothing in the image would use it.
            probeRid = null;
        }

        var hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new HealthCheckDecision
        {
            Definition = test is null || hasErrors ? null : new HealthCheckDefinition(test, interval, timeout, startPeriod, startInterval, retries),
            ProbeRuntimeIdentifier = hasErrors ? null : probeRid,
            ProbePathInImage = probePathInImage,
            Protocol = protocol,
            CustomCommand = command is not null,
            ProtocolFromPackages = string.IsNullOrWhiteSpace(settings.Protocol) && protocol == HealthCheckProtocol.Grpc,
            ProbePath = path,
            Service = service,
            Port = port,
            HostHeader = hostHeader,
            Diagnostics = diagnostics,
        };
    }

    public static string ProbePath(string workingDirectory)
    {
        var directory = string.IsNullOrWhiteSpace(workingDirectory) ? "/app/" : workingDirectory.Trim();
        return directory.EndsWith('/') ? directory + HealthCheckDefaults.ProbeFileName : directory + "/" + HealthCheckDefaults.ProbeFileName;
    }

    private static Diagnostic Invalid(string property, string value, string syntax) =>
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, $"{property} is '{value}', which is not valid: expected {syntax}.");

    private static bool ParseBoolean(string text, string property, bool fallback, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        diagnostics.Add(Invalid(property, text, "true or false"));
        return fallback;
    }

    /// <summary>ContainerHealthCheckPath, or null when the project sets none (or an invalid one, reported).</summary>
    private static string? ParsePath(string text, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var path = text.Trim();
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            diagnostics.Add(Invalid("ContainerHealthCheckPath", text, "an absolute URL path without spaces, e.g. /healthz"));
            return null;
        }

        return path;
    }

    private static AppPort ParsePort(string text, ContainerFacts facts, AppSettings appSettings, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text) || HealthCheckPort.TryParse(text, out _))
        {
            return HealthCheckPort.Resolve(string.IsNullOrWhiteSpace(text) ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture), facts, appSettings);
        }

        diagnostics.Add(Invalid("ContainerHealthCheckPort", text, "a TCP port number from 1 to 65535"));
        return HealthCheckPort.Resolve(null, facts, appSettings);
    }

    private static DockerDuration ParseDuration(string text, string property, DockerDuration fallback, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!DockerDuration.TryParse(text, out var duration))
        {
            diagnostics.Add(Invalid(property, text, DockerDuration.Syntax));
            return fallback;
        }

        if (!duration.IsZero && duration < Minimum)
        {
            diagnostics.Add(Invalid(property, text, "0 or at least 1ms (Docker refuses shorter durations)"));
            return fallback;
        }

        return duration;
    }

    private static int ParseRetries(string text, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HealthCheckDefaults.Retries;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
        {
            return retries;
        }

        diagnostics.Add(Invalid("ContainerHealthCheckRetries", text, "a whole number of consecutive failures, 0 or more, e.g. 3"));
        return HealthCheckDefaults.Retries;
    }

    private static IReadOnlyList<string>? ParseCommand(string text, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (HealthCheckCommand.TryParse(text, out var test))
        {
            return test;
        }

        diagnostics.Add(Invalid("ContainerHealthCheckCommand", text, HealthCheckCommand.Syntax));
        return null;
    }
}
