namespace ContainerHealth.TestBed.Containers;

/// <summary>Where a health check ended up, with every probe it ran.</summary>
public sealed record HealthCheckReport(HealthStatus Status, int FailingStreak, IReadOnlyList<HealthProbeResult> Probes)
{
    public HealthProbeResult? LastProbe => Probes.Count == 0 ? null : Probes[^1];

    public override string ToString() =>
        $"{Status} after {Probes.Count} probe(s); last: {LastProbe?.ExitCode} {LastProbe?.Output}";
}
