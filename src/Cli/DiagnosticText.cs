using System.Text.RegularExpressions;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Cli;

/// <summary>
/// One diagnostic as compilers print it, <c>file:line:col: severity CODE: message</c>, which editors and CI parse: always
/// one line (a folded <c>test: &gt;</c> quoted in a message would otherwise split it).
/// </summary>
public static partial class DiagnosticText
{
    public static string Format(Diagnostic diagnostic)
    {
        var place = diagnostic.File is null ? ""
            : diagnostic.Line > 0 ? $"{diagnostic.File}:{diagnostic.Line}:{Math.Max(1, diagnostic.Column)}: "
            : $"{diagnostic.File}: ";
        return $"{place}{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {LineBreaks().Replace(diagnostic.Message, " ")}";
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
