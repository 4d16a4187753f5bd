using ContainerHealth.Diagnostics;

namespace ContainerHealth.Cli;

/// <summary>One diagnostic as compilers print it, <c>file:line:col: severity CODE: message</c>, which editors and CI parse.</summary>
public static class DiagnosticText
{
    public static string Format(Diagnostic diagnostic)
    {
        var place = diagnostic.File is null ? ""
            : diagnostic.Line > 0 ? $"{diagnostic.File}:{diagnostic.Line}:{Math.Max(1, diagnostic.Column)}: "
            : $"{diagnostic.File}: ";
        return $"{place}{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}";
    }
}
