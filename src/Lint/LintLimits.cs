namespace ContainerHealth.Lint;

/// <summary>
/// What a deployment file may cost to read: its size, how deep its YAML/JSON nests, and how many nodes its YAML aliases
/// may expand to. Real files are far inside these; hostile ones (deep flow YAML, billion laughs, /dev/zero) stop at them
/// with a CH1008 instead of a stack overflow, an out-of-memory or a hang.
/// </summary>
public sealed record LintLimits
{
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    public static readonly LintLimits Default = new();

    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public int MaxDepth { get; init; } = 256;

    /// <summary>Nodes a YAML stream may hold once every alias is expanded (a billion-laughs file holds 10^9).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;
}
