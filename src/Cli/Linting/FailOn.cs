using ContainerHealth.Diagnostics;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// <c>--fail-on</c>: the least severity that makes lint exit 1 (as hadolint's <c>--failure-threshold</c>). The default,
/// error, fails on a check that can never pass (CH1001/CH1002 with the image's layers read) and an image that could not
/// be read (CH1005), which lint reports as errors: CI must not pass having checked nothing.
/// </summary>
public enum FailOn
{
    Error,
    Warning,
    Never,
}

public static class FailOnExtensions
{
    public static bool Fails(this FailOn threshold, IEnumerable<Diagnostic> diagnostics) => threshold switch
    {
        FailOn.Never => false,
        FailOn.Warning => diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning),
        _ => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
    };
}
