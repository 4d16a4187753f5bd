using System.Text;
using System.Text.Json;

namespace ContainerHealth.Lint;

/// <summary>
/// Reads the subset of HCL that <c>jsonencode([...])</c> of ECS container definitions is written in: lists, objects
/// (<c>key = value</c> or <c>key: value</c>, comma or newline separated), strings (their <c>${...}</c> kept as written),
/// numbers, booleans and null, with <c>#</c>, <c>//</c> and <c>/* */</c> comments. Any other expression (a reference,
/// a function call, a conditional, a <c>for</c>) is skipped whole and read as a value only Terraform knows
/// (<see cref="JsonTokenType.None"/>). No HCL parser is published on the package feed this project uses, and nothing
/// more than this subset is needed to find health checks.
/// </summary>
internal sealed class HclExpressionReader
{
    private readonly string text;
    private readonly int maxDepth;
    private readonly List<int> lineStarts = [0];
    private int position;

    private HclExpressionReader(string text, int start, int maxDepth)
    {
        this.text = text;
        this.maxDepth = maxDepth;
        position = start;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The expression at <paramref name="start"/>; a <see cref="FormatException"/> says where the subset was left.</summary>
    public static PositionedJson Read(string text, int start, int maxDepth) => new HclExpressionReader(text, start, maxDepth).Value(0);

    private PositionedJson Value(int depth)
    {
        if (depth > maxDepth)
        {
            throw Error($"it nests deeper than {maxDepth} levels");
        }

        SkipTrivia();
        if (position >= text.Length)
        {
            throw Error("the expression ends early");
        }

        var (line, column) = Here();
        var start = position;
        var value = text[position] switch
        {
            '[' when !NextWordIs("for") => List(depth, line, column),
            '{' when !NextWordIs("for") => Object(depth, line, column),
            '"' => PositionedJson.Create(JsonTokenType.String, line, column, QuotedString()),
            '<' when At("<<") => PositionedJson.Create(JsonTokenType.String, line, column, Heredoc()),
            var c when char.IsAsciiDigit(c) || (c == '-' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])) => Number(line, column),
            _ => Literal(line, column),
        };

        // "a" == var.b ? ... : ...: the value just read is only the start of a larger expression.
        SkipSpaces();
        if (position < text.Length && text[position] is not (',' or ']' or '}' or ')' or '\n' or '\r' or '#' or '/'))
        {
            position = start;
            SkipExpression();
            return PositionedJson.Create(JsonTokenType.None, line, column);
        }

        return value;
    }

    private PositionedJson List(int depth, int line, int column)
    {
        var list = PositionedJson.Create(JsonTokenType.StartArray, line, column);
        position++;
        while (true)
        {
            SkipTrivia();
            if (Take(']'))
            {
                return list;
            }

            list.Items.Add(Value(depth + 1));
            SkipTrivia();
            if (!Take(',') && !(position < text.Length && text[position] == ']'))
            {
                throw Error("a list item is followed by neither ',' nor ']'");
            }
        }
    }

    private PositionedJson Object(int depth, int line, int column)
    {
        var map = PositionedJson.Create(JsonTokenType.StartObject, line, column);
        position++;
        while (true)
        {
            SkipTrivia();
            if (Take('}'))
            {
                return map;
            }

            var key = position < text.Length && text[position] == '"' ? QuotedString() : Identifier();
            SkipSpaces();
            if (!Take('=') && !Take(':'))
            {
                throw Error($"the key '{key}' is followed by neither '=' nor ':'");
            }

            map.Properties[key] = Value(depth + 1);
            SkipTrivia();
            Take(',');
        }
    }

    private string QuotedString()
    {
        var value = new StringBuilder();
        position++;
        var interpolation = 0;
        while (position < text.Length)
        {
            var c = text[position++];
            if (interpolation == 0 && c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && position < text.Length)
            {
                var escaped = text[position++];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                continue;
            }

            if ((c == '$' || c == '%') && position < text.Length && text[position] == '{')
            {
                interpolation++;
                value.Append(c).Append('{');
                position++;
                continue;
            }

            interpolation -= c == '}' && interpolation > 0 ? 1 : 0;
            if (c == '\n' && interpolation == 0)
            {
                throw Error("a string is not closed on its line");
            }

            value.Append(c);
        }

        throw Error("a string is not closed");
    }

    private string Heredoc()
    {
        var lineEnd = text.IndexOf('\n', position);
        var marker = text[(position + 2)..(lineEnd < 0 ? text.Length : lineEnd)].TrimStart('-').Trim();
        var body = new StringBuilder();
        position = lineEnd < 0 ? text.Length : lineEnd + 1;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = text[position..(end < 0 ? text.Length : end)];
            position = end < 0 ? text.Length : end + 1;
            if (line.Trim() == marker)
            {
                position -= 1;
                return body.ToString();
            }

            body.Append(line).Append('\n');
        }

        throw Error($"the heredoc <<{marker} is not closed");
    }

    private PositionedJson Number(int line, int column)
    {
        var start = position;
        position++;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '.' or 'e' or 'E' or '+' or '-'))
        {
            position++;
        }

        return PositionedJson.Create(JsonTokenType.Number, line, column, text[start..position]);
    }

    private PositionedJson Literal(int line, int column)
    {
        var start = position;
        if (!char.IsAsciiLetter(text[position]) && text[position] != '_')
        {
            // A for expression ([for x in ...], {for k, v in ...}), a parenthesised or unary expression.
            SkipExpression();
            return PositionedJson.Create(JsonTokenType.None, line, column);
        }

        var word = Identifier();
        var kind = word switch { "true" => JsonTokenType.True, "false" => JsonTokenType.False, "null" => JsonTokenType.Null, _ => JsonTokenType.None };
        if (kind == JsonTokenType.None)
        {
            position = start;
            SkipExpression();
        }

        return PositionedJson.Create(kind, line, column, kind == JsonTokenType.None ? null : word);
    }

    private string Identifier()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-'))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Error($"unexpected '{text[position]}'");
    }

    /// <summary>Skips one expression of any shape: up to a ',' or line end at its own level, or its enclosing bracket.</summary>
    private void SkipExpression()
    {
        var depth = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (depth == 0 && c is ',' or '\n' or ']' or '}' or ')')
            {
                return;
            }

            if (c == '"')
            {
                QuotedString();
                continue;
            }

            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            position++;
        }
    }

    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position] == '#' || At("//"))
            {
                var end = text.IndexOf('\n', position);
                position = end < 0 ? text.Length : end;
            }
            else if (At("/*"))
            {
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private bool NextWordIs(string word)
    {
        var next = position + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return string.CompareOrdinal(text, next, word, 0, word.Length) == 0 && next + word.Length < text.Length && char.IsWhiteSpace(text[next + word.Length]);
    }

    private bool At(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private bool Take(char c)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private (int Line, int Column) Here()
    {
        var index = lineStarts.BinarySearch(position);
        index = index >= 0 ? index : ~index - 1;
        return (index + 1, position - lineStarts[index] + 1);
    }

    private FormatException Error(string problem)
    {
        var (line, column) = Here();
        return new FormatException($"{problem} (line {line}, column {column})");
    }
}
