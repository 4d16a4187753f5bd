using System.Text.RegularExpressions;

namespace ContainerHealth.TestBed.Publishing;

/// <summary>An error or warning with a code, parsed from MSBuild's console output (canonical error format).</summary>
public sealed partial record BuildDiagnostic(string Severity, string Code, string Message, string? File, int? Line, int? Column)
{
    public bool IsError => Severity == "error";

    /// <summary>Every distinct <c>file(line,col): error|warning CODE: message [project]</c> line in <paramref name="output"/>.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        [.. output.Split('\n').Select(l => Canonical().Match(l.TrimEnd('\r'))).Where(m => m.Success).Select(m => new BuildDiagnostic(
            m.Groups["severity"].Value,
            m.Groups["code"].Value,
            m.Groups["message"].Value.Trim(),
            m.Groups["file"].Success && m.Groups["file"].Value.Trim().Length > 0 ? m.Groups["file"].Value.Trim() : null,
            m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : null,
            m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value) : null)).Distinct()];

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message}";

    [GeneratedRegex(@"^\s*(?:(?<file>[^:(]*?)(?:\((?<line>\d+)(?:,(?<column>\d+))?(?:[,-]\d+)*\))?\s*:\s*)?(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]*\])?$")]
    private static partial Regex Canonical();
}
