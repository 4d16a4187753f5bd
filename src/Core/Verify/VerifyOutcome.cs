namespace ContainerHealth.Verify;

/// <summary>One check result from the engine's health log: the exit code and the check's own output line(s).</summary>
public sealed record HealthLogEntry(int ExitCode, string Output, DateTimeOffset Start = default);

/// <summary>What a verify observed: the verdict, how long it took, the engine's health log and the container's last output.</summary>
public sealed record VerifyOutcome(
    VerifyVerdict Verdict,
    TimeSpan Elapsed,
    IReadOnlyList<HealthLogEntry> HealthLog,
    IReadOnlyList<string> ContainerOutput,
    int? ExitCode,
    IReadOnlyList<string>? Test)
{
    public bool IsHealthy => Verdict == VerifyVerdict.Healthy;

    /// <summary>The last line the check printed that passed (healthy) or the last it printed at all.</summary>
    public string? LastCheckOutput =>
        (IsHealthy ? HealthLog.LastOrDefault(e => e.ExitCode == 0) : HealthLog.Count > 0 ? HealthLog[^1] : null)?.Output.Trim() is { Length: > 0 } output ? output : null;
}
