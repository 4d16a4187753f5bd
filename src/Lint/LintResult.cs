using ContainerHealth.Diagnostics;

namespace ContainerHealth.Lint;

/// <summary>The findings of a lint run, and low-importance notes (e.g. that no container runs this image).</summary>
public sealed record LintResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Messages, int MatchedContainers);
