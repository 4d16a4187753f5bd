using System.Globalization;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Verify;

/// <summary>
/// How a verify is told: one line when healthy (<c>ContainerHealth: verified myapp:1.0 healthy in 1.9 s (healthy: HTTP 200
/// from …)</c>); otherwise CH1014 with the diagnosis, and the evidence (health log, the container's last output) as detail lines.
/// </summary>
public static class VerifyReport
{
    private const int OutputLines = 15;

    public static string HealthyLine(string image, VerifyOutcome outcome) =>
        $"ContainerHealth: verified {image} healthy in {Seconds(outcome.Elapsed)} s" + (outcome.LastCheckOutput is { } line ? $" ({line})" : "");

    /// <summary>CH1014 for a check that did not pass; <paramref name="check"/> says which (the image's HEALTHCHECK, or a file's).</summary>
    public static Diagnostic NotHealthy(string image, string check, VerifyOutcome outcome, string? file = null, int line = 0, int column = 0)
    {
        var what = outcome.Verdict switch
        {
            VerifyVerdict.Exited => $"{image} exited before its {check} passed",
            VerifyVerdict.CheckCannotStart => $"the {check} of {image} cannot start",
            VerifyVerdict.TimedOut => $"{image} was not healthy within {Seconds(outcome.Elapsed)} s (the verify timeout)",
            VerifyVerdict.NoHealthCheck => $"{image} has no HEALTHCHECK",
            _ => $"{image} stayed unhealthy under its {check} ({Seconds(outcome.Elapsed)} s)",
        };
        var last = outcome.HealthLog.Count > 0 ? outcome.HealthLog[^1].Output.Trim() : null;
        var message = what
            + (last is { Length: > 0 } && outcome.Verdict != VerifyVerdict.CheckCannotStart ? $"; the check said \"{last}\"" : "")
            + (HealthDiagnosis.Explain(outcome) is { } diagnosis ? ": " + diagnosis : "")
            + ".";
        return new Diagnostic(DiagnosticCodes.VerifyNotHealthy, DiagnosticSeverity.Error, message, file, line, column);
    }

    /// <summary>The evidence behind CH1014: each health-log entry, then the container's last lines of output.</summary>
    public static IReadOnlyList<string> Details(VerifyOutcome outcome)
    {
        var lines = new List<string>();
        foreach (var entry in outcome.HealthLog)
        {
            lines.Add($"  health check (exit {entry.ExitCode}): {entry.Output.Trim().ReplaceLineEndings(" ")}");
        }

        if (outcome.ExitCode is { } exit)
        {
            lines.Add($"  the container exited with code {exit}");
        }

        var output = outcome.ContainerOutput.TakeLast(OutputLines).ToList();
        if (output.Count > 0)
        {
            lines.Add("  container output (last lines):");
            lines.AddRange(output.Select(l => "    " + l));
        }

        return lines;
    }

    /// <summary>CH1015: verify could not run at all; <paramref name="reason"/> in the engine's words.</summary>
    public static Diagnostic CouldNotRun(string image, string reason, string? file = null) =>
        new(DiagnosticCodes.VerifyCouldNotRun, DiagnosticSeverity.Error,
            $"ContainerHealth could not verify {image}: {reason}. Verify needs a running Docker or Podman engine (docker/podman on PATH; DOCKER_HOST for a remote Docker; LocalRegistry or --engine to choose) that can load the image; or set ContainerHealthVerify=false.",
            file);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
