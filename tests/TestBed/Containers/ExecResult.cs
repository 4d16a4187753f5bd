namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// The outcome of <c>docker exec</c>: stdout and stderr in one text. When the process could not even start (missing binary
/// or shell) Docker exits 126/127 with its own message, e.g.
/// <c>OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown</c>.
/// </summary>
public sealed record ExecResult(int ExitCode, string Output)
{
    public bool Started => !Output.StartsWith("OCI runtime exec failed", StringComparison.Ordinal);
}
