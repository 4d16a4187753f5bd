using System.Text;

namespace ContainerHealth.Lint;

/// <summary>
/// Splits a Dockerfile into instructions the way BuildKit's parser does: parser directives only at the top
/// (<c># escape=`</c>), comment and blank lines skipped (inside a continuation too), a line ending in the escape character
/// continued on the next, and the heredocs of RUN, COPY and ADD read up to their delimiter. Linear in the file's size:
/// no backtracking, no recursion.
/// </summary>
public static class DockerfileParser
{
    private static readonly HashSet<string> Keywords =
    [
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ];

    private static readonly HashSet<string> HeredocKeywords = ["RUN", "COPY", "ADD"];

    public static DockerfileDocument Parse(string text)
    {
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            throw new DockerfileSyntaxException(line, 0, "holds binary data (a NUL byte), so it is not a Dockerfile");
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        var next = 0;
        var escape = ReadDirectives(lines, ref next);
        var instructions = new List<DockerfileInstruction>();
        while (next < lines.Length)
        {
            var line = lines[next];
            var start = next++;
            var content = line.TrimStart(' ', '\t');
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var logical = new StringBuilder();
            while (true)
            {
                if (!EndsWithEscape(content, escape, out var body))
                {
                    logical.Append(content);
                    break;
                }

                logical.Append(body);
                next = SkipCommentsAndBlanks(lines, next);
                if (next >= lines.Length)
                {
                    break;
                }

                content = lines[next++];
            }

            instructions.Add(Instruction(logical.ToString(), start + 1, line.Length - line.TrimStart(' ', '\t').Length + 1, lines, ref next));
        }

        return new DockerfileDocument(escape, instructions);
    }

    private static DockerfileInstruction Instruction(string logical, int line, int column, string[] lines, ref int next)
    {
        var end = 0;
        while (end < logical.Length && !char.IsWhiteSpace(logical[end]))
        {
            end++;
        }

        var keyword = logical[..end].ToUpperInvariant();
        if (!Keywords.Contains(keyword))
        {
            var shown = keyword.Length > 40 ? keyword[..40] + "..." : keyword;
            throw new DockerfileSyntaxException(line, column, $"has an unknown instruction '{Printable(shown)}'");
        }

        var arguments = logical[end..].Trim();
        var heredocs = HeredocKeywords.Contains(keyword) ? ReadHeredocs(arguments, line, lines, ref next) : [];
        return new DockerfileInstruction(keyword, arguments, line, column) { Heredocs = heredocs };
    }

    /// <summary>Directives (<c># name=value</c>) are read only before anything else; the first other line ends them.</summary>
    private static char ReadDirectives(string[] lines, ref int next)
    {
        var escape = '\\';
        for (; next < lines.Length; next++)
        {
            if (Directive(lines[next]) is not var (name, value))
            {
                break;
            }

            if (name.Equals("escape", StringComparison.OrdinalIgnoreCase))
            {
                escape = value switch
                {
                    "\\" => '\\',
                    "`" => '`',
                    _ => throw new DockerfileSyntaxException(next + 1, 1, $"has '# escape={Printable(value)}'; the escape character must be \\ or `"),
                };
            }
        }

        return escape;
    }

    private static (string Name, string Value)? Directive(string line)
    {
        var text = line.Trim(' ', '\t');
        if (!text.StartsWith('#'))
        {
            return null;
        }

        text = text[1..].TrimStart(' ', '\t');
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return null;
        }

        var name = text[..equals].TrimEnd(' ', '\t');
        return name.All(char.IsAsciiLetterOrDigit) ? (name, text[(equals + 1)..].Trim(' ', '\t')) : null;
    }

    private static bool EndsWithEscape(string content, char escape, out string body)
    {
        var trimmed = content.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && trimmed[^1] == escape)
        {
            body = trimmed[..^1];
            return true;
        }

        body = content;
        return false;
    }

    private static int SkipCommentsAndBlanks(string[] lines, int next)
    {
        while (next < lines.Length && lines[next].TrimStart(' ', '\t') is var content && (content.Length == 0 || content[0] == '#'))
        {
            next++;
        }

        return next;
    }

    /// <summary>Every <c>&lt;&lt;[-]["']WORD["']</c> in the arguments opens a heredoc; their bodies follow the instruction in order.</summary>
    private static List<string> ReadHeredocs(string arguments, int line, string[] lines, ref int next)
    {
        var bodies = new List<string>();
        foreach (var (delimiter, stripTabs) in HeredocMarkers(arguments))
        {
            var body = new StringBuilder();
            var closed = false;
            while (next < lines.Length)
            {
                var bodyLine = lines[next++];
                var compared = stripTabs ? bodyLine.TrimStart('\t') : bodyLine;
                if (compared == delimiter)
                {
                    closed = true;
                    break;
                }

                body.Append(compared).Append('\n');
            }

            if (!closed)
            {
                throw new DockerfileSyntaxException(line, 1, $"has a heredoc (<<{delimiter}) that is never closed by a line '{delimiter}'");
            }

            bodies.Add(body.ToString());
        }

        return bodies;
    }

    private static IEnumerable<(string Delimiter, bool StripTabs)> HeredocMarkers(string arguments)
    {
        for (var at = arguments.IndexOf("<<", StringComparison.Ordinal); at >= 0; at = arguments.IndexOf("<<", at + 2, StringComparison.Ordinal))
        {
            var i = at + 2;
            if (i < arguments.Length && arguments[i] == '<')
            {
                // <<< is a here-string, not a heredoc.
                at = i;
                continue;
            }

            var stripTabs = i < arguments.Length && arguments[i] == '-';
            i += stripTabs ? 1 : 0;
            var quote = i < arguments.Length && arguments[i] is '"' or '\'' ? arguments[i] : '\0';
            i += quote == '\0' ? 0 : 1;
            var start = i;
            while (i < arguments.Length && (char.IsAsciiLetterOrDigit(arguments[i]) || arguments[i] == '_'))
            {
                i++;
            }

            if (i > start && (quote == '\0' || (i < arguments.Length && arguments[i] == quote)))
            {
                yield return (arguments[start..i], stripTabs);
            }
        }
    }

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());
}
