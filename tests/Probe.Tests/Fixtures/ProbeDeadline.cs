namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// How the deadline tests read the clock. The verdict is the probe's own line ("no response within 500 ms" is printed
/// only when its deadline fired); the wall clock is only bounded, generously: never before the budget (the probe's
/// deadline counts from its own start, inside what the test measures), and far below what a probe that ignored its
/// deadline would take against these peers (a minute, or forever). Process start and output capture on a loaded 2-core
/// machine (load average 7 has been seen) fit in the slack many times over.
/// </summary>
public static class ProbeDeadline
{
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    /// <summary>The probe ran at least its budget and stopped soon after it.</summary>
    public static void AssertKept(ProbeRun run, TimeSpan budget) => Assert.InRange(run.Elapsed, budget, budget + Slack);

    /// <summary>The probe gave its verdict before its deadline could fire.</summary>
    public static void AssertEndedBefore(ProbeRun run, TimeSpan budget) => Assert.True(run.Elapsed < budget, run.ToString());
}

/// <summary>The classes that read the clock run alone, after the parallel ones, so they do not load the machine for each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeadlineCollection
{
    public const string Name = "Probe deadlines";
}
