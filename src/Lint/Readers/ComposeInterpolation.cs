using System.Text;

namespace ContainerHealth.Lint;

/// <summary>
/// Compose's variable interpolation, with what a linter can know: the <c>.env</c> file beside the compose file, and
/// defaults (<c>${VAR:-x}</c>, <c>${VAR-x}</c>); <c>$$</c> is a literal <c>$</c>. A variable with neither stays as
/// written, and the value counts as unknown (<see cref="Result.Known"/> false): never a finding.
/// </summary>
public sealed class ComposeInterpolation(IReadOnlyDictionary<string, string> variables)
{
    public static readonly ComposeInterpolation None = new(new Dictionary<string, string>());

    public readonly record struct Result(string Text, bool Known);

    /// <summary>The variables of the <c>.env</c> file in <paramref name="directory"/> (KEY=VALUE lines, # comments, optional quotes).</summary>
    public static ComposeInterpolation ForDirectory(string directory, LintLimits limits)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(directory, ".env");
        if (File.Exists(path) && DeploymentFileText.Read(path, limits).Text is { } text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                var equals = line.IndexOf('=');
                if (line.StartsWith('#') || equals <= 0)
                {
                    continue;
                }

                var name = line[..equals].Trim();
                name = name.StartsWith("export ", StringComparison.Ordinal) ? name[7..].Trim() : name;
                var value = line[(equals + 1)..].Trim();
                variables[name] = value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
            }
        }

        return new ComposeInterpolation(variables);
    }

    public Result Apply(string text)
    {
        if (!text.Contains('$'))
        {
            return new Result(text, true);
        }

        var output = new StringBuilder(text.Length);
        var known = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                output.Append(text[i]);
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i++;
            }
            else if (next == '{' && Close(text, i + 2) is var close && close > 0)
            {
                var (value, isKnown) = Expression(text[(i + 2)..close]);
                output.Append(isKnown ? value : text[i..(close + 1)]);
                known &= isKnown;
                i = close;
            }
            else if (char.IsAsciiLetter(next) || next == '_')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                known &= variables.TryGetValue(name, out var value);
                output.Append(value ?? text[i..end]);
                i = end - 1;
            }
            else
            {
                output.Append('$');
            }
        }

        return new Result(output.ToString(), known);
    }

    /// <summary><c>VAR</c>, <c>VAR:-default</c>, <c>VAR-default</c>, <c>VAR:?error</c>, <c>VAR:+alternative</c>.</summary>
    private (string Value, bool Known) Expression(string expression)
    {
        var operatorAt = expression.IndexOfAny([':', '-', '?', '+']);
        var name = operatorAt < 0 ? expression : expression[..operatorAt];
        var isSet = variables.TryGetValue(name, out var value);
        if (operatorAt < 0 || expression[operatorAt] is '?' || (expression[operatorAt] == ':' && operatorAt + 1 < expression.Length && expression[operatorAt + 1] == '?'))
        {
            return (value ?? "", isSet);
        }

        var colon = expression[operatorAt] == ':';
        var kind = colon ? (operatorAt + 1 < expression.Length ? expression[operatorAt + 1] : '-') : expression[operatorAt];
        var argument = Apply(expression[(operatorAt + (colon ? 2 : 1))..]);
        var empty = !isSet || (colon && value!.Length == 0);
        return kind == '+'
            ? (empty ? ("", true) : (argument.Text, argument.Known))
            : (empty ? (argument.Text, argument.Known) : (value!, true));
    }

    private static int Close(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
