namespace ContainerHealth.Lint;

/// <summary>
/// The NAME=VALUE pairs of ARG and ENV: <c>ARG NAME[=default] ...</c>, <c>ENV NAME=value ...</c> and the old
/// <c>ENV NAME value with spaces</c>.
/// </summary>
public static class DockerfileArguments
{
    /// <summary>ARG's names with their defaults (null when it declares none).</summary>
    public static IEnumerable<(string Name, string? Default)> Declarations(DockerfileInstruction arg, char escape, Func<string, string?> lookup)
    {
        foreach (var word in DockerfileWords.Split(arg.Arguments, escape, lookup))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word : word[..equals];
            if (name.Length == 0)
            {
                throw new DockerfileSyntaxException(arg.Line, arg.Column, $"has 'ARG {arg.Arguments}' with no name before '='");
            }

            yield return (name, equals < 0 ? null : word[(equals + 1)..]);
        }
    }

    public static IEnumerable<(string Name, string Value)> Assignments(DockerfileInstruction env, char escape, Func<string, string?> lookup)
    {
        var words = DockerfileWords.Split(env.Arguments, escape, lookup);
        if (words.Count == 0)
        {
            throw new DockerfileSyntaxException(env.Line, env.Column, "has ENV with no variable; write ENV NAME=value");
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            // ENV NAME value with spaces: the value is the rest of the line.
            var text = env.Arguments.TrimStart();
            var end = text.IndexOfAny([' ', '\t']);
            if (end < 0)
            {
                throw new DockerfileSyntaxException(env.Line, env.Column, $"has 'ENV {env.Arguments}' with no value; write ENV {env.Arguments}=value");
            }

            yield return (words[0], DockerfileWords.Expand(text[end..].Trim(), escape, lookup));
            yield break;
        }

        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new DockerfileSyntaxException(env.Line, env.Column, $"has '{word}' in ENV, which is not NAME=value");
            }

            yield return (word[..equals], word[(equals + 1)..]);
        }
    }
}
