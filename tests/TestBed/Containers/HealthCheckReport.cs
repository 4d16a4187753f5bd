namespace ContainerHealth.TestBed.Containers;

/// <summary>The engine's State.Health when the wait ended: status, failing streak and the probes it kept (the last five).</summary>
public sealed record HealthCheckReport(HealthStatus Status, int FailingStreak, IReadOnlyList<HealthProbeResult> Probes)
{
    public HealthProbeResult? LastProbe => Probes.Count == 0 ? null : Probes[^1];

    public override string ToString() =>
        $"{Status} (failing streak {FailingStreak}) after {Probes.Count} logged probe(s); last: {LastProbe?.ExitCode} {LastProbe?.Output}";
}
