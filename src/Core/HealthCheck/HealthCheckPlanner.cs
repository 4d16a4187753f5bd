using System.Globalization;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.HealthCheck;

/// <summary>Turns the ContainerHealth* properties and the SDK's container facts into a <see cref="HealthCheckDecision"/>.</summary>
public static class HealthCheckPlanner
{
    public static readonly DockerDuration DefaultInterval = DockerDuration.FromSeconds(30);
    public static readonly DockerDuration DefaultTimeout = DockerDuration.FromSeconds(5);
    // With a start period, Docker 25+ checks every start interval until the first success: a healthy app is reported
    // healthy within 2 s of listening (compose's depends_on: service_healthy), and an app that never starts is unhealthy
    // after 30 s + retries × interval. Engines without start intervals (Docker before 25, Podman) wait one interval.
    public static readonly DockerDuration DefaultStartPeriod = DockerDuration.FromSeconds(30);
    public static readonly DockerDuration DefaultStartInterval = DockerDuration.FromSeconds(2);
    public const int DefaultRetries = 3;

    // Docker refuses non-zero durations below one millisecond.
    private static readonly DockerDuration Minimum = new(1_000_000);

    public static HealthCheckDecision Decide(HealthCheckSettings settings, ContainerFacts facts)
    {
        var diagnostics = new List<Diagnostic>();

        var probeEnabled = ParseBoolean(settings.Probe, "ContainerHealthProbe", true, diagnostics);
        var path = ParsePath(settings.Path, diagnostics);
        var protocol = HealthCheckProtocolChoice.Decide(settings.Protocol, settings.PathSetByProject, facts.PackageReferences, diagnostics);
        var service = HealthCheckProtocolChoice.Service(settings.Service, protocol, diagnostics);
        var port = ParsePort(settings.Port, facts, diagnostics);
        var interval = ParseDuration(settings.Interval, "ContainerHealthCheckInterval", DefaultInterval, diagnostics);
        var timeout = ParseDuration(settings.Timeout, "ContainerHealthCheckTimeout", DefaultTimeout, diagnostics);
        var startPeriod = ParseDuration(settings.StartPeriod, "ContainerHealthCheckStartPeriod", DefaultStartPeriod, diagnostics);
        var startInterval = ParseDuration(settings.StartInterval, "ContainerHealthCheckStartInterval", DefaultStartInterval, diagnostics);
        var retries = ParseRetries(settings.Retries, diagnostics);
        var command = ParseCommand(settings.Command, diagnostics);

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

        var test = command ?? (probeRid is not null ? HealthCheckCommand.ForProbe(probePathInImage, protocol, path, port, timeout, service) : null);
        if (test is not null && !HealthCheckCommand.Runs(test, probePathInImage))
        {
            // The user's own check does not run the probe: nothing in the image would use it.
            probeRid = null;
        }

        var definition = test is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? null
            : new HealthCheckDefinition(test, interval, timeout, startPeriod, startInterval, retries);

        return new HealthCheckDecision
        {
            Definition = definition,
            ProbeRuntimeIdentifier = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : probeRid,
            ProbePathInImage = probePathInImage,
            Protocol = protocol,
            ProtocolFromPackages = string.IsNullOrWhiteSpace(settings.Protocol) && protocol == HealthCheckProtocol.Grpc,
            Path = path,
            Service = service,
            Port = port,
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

    private static string ParsePath(string text, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HealthCheckDefaults.Path;
        }

        var path = text.Trim();
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            diagnostics.Add(Invalid("ContainerHealthCheckPath", text, "an absolute URL path without spaces, e.g. /healthz"));
            return HealthCheckDefaults.Path;
        }

        return path;
    }

    private static AppPort ParsePort(string text, ContainerFacts facts, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text) || HealthCheckPort.TryParse(text, out _))
        {
            return HealthCheckPort.Resolve(string.IsNullOrWhiteSpace(text) ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture), facts);
        }

        diagnostics.Add(Invalid("ContainerHealthCheckPort", text, "a TCP port number from 1 to 65535"));
        return HealthCheckPort.Resolve(null, facts);
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
            return DefaultRetries;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
        {
            return retries;
        }

        diagnostics.Add(Invalid("ContainerHealthCheckRetries", text, "a whole number of consecutive failures, 0 or more, e.g. 3"));
        return DefaultRetries;
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
