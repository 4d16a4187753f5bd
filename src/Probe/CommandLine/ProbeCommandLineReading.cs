namespace ContainerHealth.Probe;

/// <summary>What reading a command line gave: the line, a request for help, or what the probe would refuse.</summary>
public sealed class ProbeCommandLineReading
{
    internal static readonly ProbeCommandLineReading Help = new(null, null, isUsage: false) { HelpRequested = true };

    internal ProbeCommandLineReading(ProbeCommandLine? commandLine, string? problem, bool isUsage)
    {
        CommandLine = commandLine;
        Problem = problem;
        IsUsageProblem = isUsage;
    }

    public ProbeCommandLine? CommandLine { get; }

    public bool HelpRequested { get; private init; }

    /// <summary>Why the probe would refuse the line (without the probe's "bad usage:" wrapping), or null.</summary>
    public string? Problem { get; }

    /// <summary>A mistake in the options, not a URL the probe cannot check (https://).</summary>
    public bool IsUsageProblem { get; }

    /// <summary>The line the probe prints after <c>unhealthy: </c> when it refuses the command line.</summary>
    public string? ProbeAnswer => Problem is null ? null : IsUsageProblem ? "bad usage: " + Problem + " (healthprobe --help)" : Problem;
}
