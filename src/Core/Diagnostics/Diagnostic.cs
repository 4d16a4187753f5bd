namespace ContainerHealth.Diagnostics;

/// <summary>One finding, with the place it applies to when it comes from a file (1-based line and column).</summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    public string HelpLink => DiagnosticCodes.HelpLink(Code);

    public override string ToString()
    {
        var place = File is null ? "" : Line > 0 ? $"{File}({Line},{Column}): " : $"{File}: ";
        return $"{place}{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
