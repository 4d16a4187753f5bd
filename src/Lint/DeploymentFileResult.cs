using ContainerHealth.Diagnostics;

namespace ContainerHealth.Lint;

/// <summary>The containers a deployment file declares, and what was wrong with the file itself (CH1006, CH1008).</summary>
public sealed record DeploymentFileResult(IReadOnlyList<DeploymentContainer> Containers, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Information that is not a finding, e.g. that a Helm template must be rendered before it can be linted.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static DeploymentFileResult Note(string message) => new([], []) { Notes = [message] };

    public static DeploymentFileResult Malformed(string file, int line, int column, string problem) => new([],
    [
        new Diagnostic(
            DiagnosticCodes.MalformedDeploymentFile,
            DiagnosticSeverity.Error,
            $"{problem}. Fix the file, or leave it out of the lint (in a build: remove it from ContainerHealthCheckManifest, or set ContainerHealthLintDiscovery=false for found files).",
            file,
            line,
            column),
    ]);
}
