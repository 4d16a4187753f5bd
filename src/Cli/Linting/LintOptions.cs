using ContainerHealth.Lint;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// The lint command line's choices for the image facts and the rules (what to read is a <see cref="LintInput"/>), once
/// checked: every value here is valid (a bad one is a usage error, exit 2).
/// </summary>
public sealed record LintOptions
{
    public Platform? Platform { get; init; }

    /// <summary><c>--port</c>: explicit, so it wins over what the files declare.</summary>
    public int? Port { get; init; }

    /// <summary><c>--path</c>; without it CH1009 is off.</summary>
    public string? Path { get; init; }
}
