namespace ContainerHealth.Lint;

/// <summary>A rough reading of a RUN's shell text: enough to find words, not to run it.</summary>
public static class ShellText
{
    /// <summary>The text's words, with <c>;</c>, <c>&amp;&amp;</c>, <c>||</c> and <c>|</c> as words of their own.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var separator = c is ';' or '|' or '&' or '\n';
            if (char.IsWhiteSpace(c) || separator || c is '"' or '\'' or '(' or ')' or '`')
            {
                if (start >= 0)
                {
                    words.Add(text[start..i]);
                    start = -1;
                }

                if (separator)
                {
                    words.Add(";");
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    public static bool IsSeparator(string word) => word == ";";

    /// <summary>Whether <paramref name="name"/> appears as a word or a path's last part (<c>/usr/local/bin/name</c>).</summary>
    public static bool NamesWord(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            var before = at == 0 || !IsNameCharacter(text[at - 1]) || text[at - 1] == '/';
            var after = end == text.Length || !IsNameCharacter(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/';
}
