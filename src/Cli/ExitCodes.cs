namespace ContainerHealth.Cli;

/// <summary>What the process exit code tells a script or CI step.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Findings: a lint error (or warning under --warnings-as-errors), or an image that could not be read.</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong: unknown option, missing argument, malformed value, no such file.</summary>
    public const int Usage = 2;
}
