using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContainerHealth.Analyzers.Configuration;

/// <summary>
/// The scalar values of an appsettings.json file, flattened to configuration keys ("Features:Health") the way the JSON
/// configuration provider does: keys case-insensitive, arrays indexed, comments and trailing commas allowed. An
/// analyzer cannot ship System.Text.Json into every compiler, so this reads the little JSON configuration needs.
/// </summary>
internal sealed class AppSettingsJson
{
    private readonly string text;
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);
    private int position;

    private AppSettingsJson(string text)
    {
        this.text = text;
    }

    /// <summary>The flattened values; null when the file is not valid JSON (then nothing is judged by it).</summary>
    public static IReadOnlyDictionary<string, string?>? Parse(string text)
    {
        var reader = new AppSettingsJson(text);
        try
        {
            reader.Value("");
            reader.SkipSpace();
            return reader.position == text.Length ? reader.values : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void Value(string key)
    {
        SkipSpace();
        switch (Peek())
        {
            case '{':
                position++;
                Members(key);
                break;
            case '[':
                position++;
                Elements(key);
                break;
            case '"':
                values[key] = String();
                break;
            default:
                var literal = Literal();
                values[key] = literal == "null" ? null : literal;
                break;
        }
    }

    private void Members(string prefix)
    {
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                position++;
                return;
            }

            var name = String();
            SkipSpace();
            Expect(':');
            Value(prefix.Length == 0 ? name : prefix + ":" + name);
            SkipSpace();
            if (Peek() == ',')
            {
                position++;
            }
            else if (Peek() != '}')
            {
                throw new FormatException();
            }
        }
    }

    private void Elements(string prefix)
    {
        for (var index = 0; ; index++)
        {
            SkipSpace();
            if (Peek() == ']')
            {
                position++;
                return;
            }

            Value(prefix + ":" + index.ToString(CultureInfo.InvariantCulture));
            SkipSpace();
            if (Peek() == ',')
            {
                position++;
            }
            else if (Peek() != ']')
            {
                throw new FormatException();
            }
        }
    }

    private string String()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (true)
        {
            var c = Next();
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = Next();
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    if (position + 4 > text.Length)
                    {
                        throw new FormatException();
                    }

                    builder.Append((char)int.Parse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    position += 4;
                    break;
                default: builder.Append(escaped); break;
            }
        }
    }

    private string Literal()
    {
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
        {
            position++;
        }

        if (position == start)
        {
            throw new FormatException();
        }

        return text.Substring(start, position - start);
    }

    private void SkipSpace()
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position] == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (text[position] == '/' && position + 1 < text.Length && text[position + 1] == '*')
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

    private char Peek() => position < text.Length ? text[position] : throw new FormatException();

    private char Next() => position < text.Length ? text[position++] : throw new FormatException();

    private void Expect(char c)
    {
        if (Next() != c)
        {
            throw new FormatException();
        }
    }
}
