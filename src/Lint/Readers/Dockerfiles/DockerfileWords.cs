using System.Text;

namespace ContainerHealth.Lint;

/// <summary>
/// BuildKit's word processing for the instructions it expands (FROM, COPY, ADD, ENV, ARG, EXPOSE, WORKDIR, ...): words
/// split on blanks, quotes removed (<c>'...'</c> literal, <c>"..."</c> with <c>$</c> expanded), the escape character
/// taking the next character literally, and variables expanded: <c>$X</c>, <c>${X}</c>, <c>${X:-default}</c>,
/// <c>${X-default}</c>, <c>${X:+alternative}</c>, <c>${X+alternative}</c>. A variable nobody set expands to nothing, as
/// in BuildKit, and is listed in <see cref="Unset"/> so that a caller can say which one to set.
/// </summary>
public sealed class DockerfileWords
{
    /// <summary>Nested <c>${A:-${B:-...}}</c> deeper than this is a hostile file, not a Dockerfile.</summary>
    public const int MaxNesting = 32;

    private readonly string text;
    private readonly char escape;
    private readonly Func<string, string?> lookup;
    private readonly HashSet<string> unset = new(StringComparer.Ordinal);
    private int position;

    private DockerfileWords(string text, char escape, Func<string, string?> lookup)
    {
        this.text = text;
        this.escape = escape;
        this.lookup = lookup;
    }

    public IReadOnlyCollection<string> Unset => unset;

    /// <summary>The words of <paramref name="text"/>, variables expanded with <paramref name="lookup"/> (null: unset).</summary>
    public static IReadOnlyList<string> Split(string text, char escape, Func<string, string?> lookup) =>
        Split(text, escape, lookup, out _);

    public static IReadOnlyList<string> Split(string text, char escape, Func<string, string?> lookup, out IReadOnlyCollection<string> unset)
    {
        var words = new DockerfileWords(text, escape, lookup);
        var result = words.Words();
        unset = words.Unset;
        return result;
    }

    /// <summary>The text as one word (blanks kept), variables expanded: for values such as <c>ENV NAME value with spaces</c>.</summary>
    public static string Expand(string text, char escape, Func<string, string?> lookup)
    {
        var words = new DockerfileWords(text, escape, lookup);
        return words.Word(keepBlanks: true, stopAt: '\0', depth: 0);
    }

    private List<string> Words()
    {
        var words = new List<string>();
        while (true)
        {
            while (position < text.Length && IsBlank(text[position]))
            {
                position++;
            }

            if (position >= text.Length)
            {
                return words;
            }

            words.Add(Word(keepBlanks: false, stopAt: '\0', depth: 0));
        }
    }

    /// <summary>Reads one word up to a blank (or, inside <c>${X:-...}</c>, up to its closing brace).</summary>
    private string Word(bool keepBlanks, char stopAt, int depth)
    {
        var word = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if ((!keepBlanks && IsBlank(c)) || (stopAt != '\0' && c == stopAt))
            {
                break;
            }

            position++;
            if (c == escape)
            {
                // An escape at the end stays; otherwise the next character is taken as it is.
                word.Append(position < text.Length ? text[position++] : c);
            }
            else if (c == '\'' && stopAt == '\0')
            {
                var end = text.IndexOf('\'', position);
                end = end < 0 ? text.Length : end;
                word.Append(text, position, end - position);
                position = Math.Min(end + 1, text.Length);
            }
            else if (c == '"' && stopAt == '\0')
            {
                DoubleQuoted(word, depth);
            }
            else if (c == '$')
            {
                word.Append(Variable(depth));
            }
            else
            {
                word.Append(c);
            }
        }

        return word.ToString();
    }

    private void DoubleQuoted(StringBuilder word, int depth)
    {
        while (position < text.Length && text[position] != '"')
        {
            var c = text[position++];
            if (c == escape && position < text.Length && text[position] is '"' or '$' || (c == escape && position < text.Length && text[position] == escape))
            {
                word.Append(text[position++]);
            }
            else if (c == '$')
            {
                word.Append(Variable(depth));
            }
            else
            {
                word.Append(c);
            }
        }

        position = Math.Min(position + 1, text.Length);
    }

    /// <summary>After a <c>$</c>: <c>NAME</c>, <c>{NAME}</c> or <c>{NAME[:]op word}</c>; a lone <c>$</c> stays.</summary>
    private string Variable(int depth)
    {
        if (position < text.Length && text[position] == '{')
        {
            position++;
            var name = Name();
            if (position >= text.Length)
            {
                throw new DockerfileSyntaxException(0, 0, $"has '${{{name}' without its closing '}}'");
            }

            if (text[position] == '}')
            {
                position++;
                return Value(name) ?? "";
            }

            var colon = text[position] == ':';
            position += colon ? 1 : 0;
            var op = position < text.Length ? text[position++] : '\0';
            if (op is not ('-' or '+' or '?'))
            {
                throw new DockerfileSyntaxException(0, 0, $"has '${{{name}{(colon ? ":" : "")}{op}', which is not a substitution BuildKit knows (:- :+ - + :?)");
            }

            if (depth >= MaxNesting)
            {
                throw new DockerfileSyntaxException(0, 0, $"nests variable substitutions deeper than {MaxNesting} levels");
            }

            var unsetBefore = unset.ToList();
            var word = Word(keepBlanks: true, stopAt: '}', depth: depth + 1);
            if (position >= text.Length)
            {
                throw new DockerfileSyntaxException(0, 0, $"has '${{{name}' without its closing '}}'");
            }

            position++;
            var value = lookup(name);
            var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
            if (set != (op == '+'))
            {
                // The word is not used, so nor are the variables in it.
                unset.Clear();
                unset.UnionWith(unsetBefore);
            }

            return op switch
            {
                '-' => set ? value! : word,
                '+' => set ? word : "",
                _ => set ? value! : Missing(name),
            };
        }

        var simple = Name();
        return simple.Length == 0 ? "$" : Value(simple) ?? "";
    }

    private string Missing(string name)
    {
        unset.Add(name);
        return "";
    }

    private string? Value(string name)
    {
        var value = lookup(name);
        if (value is null)
        {
            unset.Add(name);
        }

        return value;
    }

    private string Name()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n';
}
