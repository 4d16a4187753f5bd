namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// The outcome of <c>runc exec</c>, shaped like Docker's: when the process could not even start (missing binary or shell)
/// <see cref="ExitCode"/> is -1 and <see cref="Output"/> is Docker's message, e.g.
/// <c>OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown</c>.
/// </summary>
public sealed record ExecResult(int ExitCode, string Output, bool Started, bool TimedOut = false)
{
    public const int NotRunExitCode = -1;
}
