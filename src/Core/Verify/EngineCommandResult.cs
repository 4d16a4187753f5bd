namespace ContainerHealth.Verify;

/// <summary>What one docker/podman command printed, and how it ended.</summary>
public sealed record EngineCommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The engine's own words for a failure: its stderr, else its stdout.</summary>
    public string Message => (Error.Length > 0 ? Error : Output).Trim();
}
