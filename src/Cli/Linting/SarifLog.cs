using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// Diagnostics as a SARIF 2.1.0 log, the format CI systems (GitHub code scanning, Azure DevOps, GitLab) turn into pull
/// request annotations: one rule per code with its help page, one result per diagnostic with its file region. Paths
/// under <paramref name="baseDirectory"/> are written relative to it (<c>%SRCROOT%</c>), as code scanning expects.
/// </summary>
public static partial class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream output, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar;
        var rules = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "container-health");
        json.WriteString("informationUri", DiagnosticCodes.HelpLinkBase);
        json.WriteString("semanticVersion", typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var code in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteString("name", RuleName(code));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", Sentence(RuleName(code)));
            json.WriteEndObject();
            json.WriteString("helpUri", DiagnosticCodes.HelpLink(code));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(root).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Code);
            json.WriteNumber("ruleIndex", rules.IndexOf(diagnostic.Code));
            json.WriteString("level", diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            });
            json.WriteStartObject("message");
            json.WriteString("text", diagnostic.Message);
            json.WriteEndObject();
            if (diagnostic.File is { } file)
            {
                WriteLocation(json, file, root, diagnostic);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string file, string root, Diagnostic diagnostic)
    {
        var full = Path.GetFullPath(file);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            json.WriteString("uri", string.Join('/', full[root.Length..].Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", "%SRCROOT%");
        }
        else
        {
            json.WriteString("uri", new Uri(full).AbsoluteUri);
        }

        json.WriteEndObject();
        if (diagnostic.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", diagnostic.Line);
            json.WriteNumber("startColumn", Math.Max(1, diagnostic.Column));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The name of the code's constant in <see cref="DiagnosticCodes"/>, e.g. CH1001 → ShellMissing.</summary>
    private static string RuleName(string code) =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f.IsLiteral && (string?)f.GetRawConstantValue() == code)?.Name ?? code;

    private static string Sentence(string name)
    {
        var words = WordStart().Replace(name, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..] + ".";
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex WordStart();
}
