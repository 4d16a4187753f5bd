namespace ContainerHealth.TestBed.Containers;

/// <summary>One entry of <c>docker inspect</c>'s State.Health.Log (exit code -1: did not start, or timed out).</summary>
public sealed record HealthProbeResult(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
