using System.Text.RegularExpressions;

namespace ContainerHealth.Lint;

/// <summary>
/// What a health-check command needs from the image: a shell (<c>CMD-SHELL</c>, a compose string, <c>sh -c</c>), the
/// shell program when it is not <c>sh</c> (<c>bash -c</c> needs bash, which busybox images lack), the program it starts,
/// and the port and path it probes (from a URL, or the probe's <c>--port</c>/<c>--path</c>). A gRPC or
/// TCP check (a <c>grpc://</c> or <c>tcp://</c> URL, the probe's <c>--protocol grpc|tcp</c>) has a port but no path.
/// </summary>
public sealed partial record CheckCommand(bool NeedsShell, string? Program, string Text)
{
    private static readonly HashSet<string> Shells = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"];
    private static readonly HashSet<string> ShellBuiltins = ["exit", "true", "false", "test", "[", "[[", "echo", "printf", "cd", ":", "set", "read", "return", "eval", "source", ".", "kill", "wait", "sleep"];

    /// <summary>Words that start a compound command or pipeline: the program is the word after them.</summary>
    private static readonly HashSet<string> ShellKeywords = ["exec", "!", "if", "then", "else", "elif", "while", "until", "do", "time", "{", "(", "command", "nohup", "&&", "||", ";", "|", "&"];

    /// <summary>The shell an exec command starts other than <c>sh</c> (e.g. <c>bash</c> of <c>bash -c "..."</c>), which must exist too.</summary>
    public string? Interpreter { get; init; }

    /// <summary>
    /// The port the check calls on this container: a <c>--port</c> flag, or a URL to localhost (80/443 when it names none).
    /// Null when unknown: no URL, another host, or a port written as a variable (<c>localhost:${PORT}</c>).
    /// </summary>
    public int? Port
    {
        get
        {
            if (Argument("--port") is { } flag)
            {
                return int.TryParse(flag, out var probePort) ? probePort : null;
            }

            var url = Url().Match(Text);
            if (!url.Success || url.Groups["host"].Value is not ("localhost" or "127.0.0.1" or "0.0.0.0" or "[::1]"))
            {
                return null;
            }

            return !url.Groups["port"].Success ? url.Groups["scheme"].Value switch { "https" => 443, "http" => (int?)80, _ => null }
                : int.TryParse(url.Groups["port"].Value, out var port) ? port
                : null;
        }
    }

    /// <summary>How the port is written in the command (<c>:8080</c> or the <c>--port</c> value), to point a finding at it.</summary>
    public string? PortText =>
        Argument("--port") is { } flag ? flag
        : Url().Match(Text) is { Success: true } url && url.Groups["port"].Success ? ":" + url.Groups["port"].Value
        : null;

    public string? Path
    {
        get
        {
            if (Argument("--path") is { } flag)
            {
                return flag;
            }

            if (Argument("--protocol") is "grpc" or "tcp")
            {
                return null;
            }

            // A grpc:// URL's path names a gRPC service, not an HTTP path.
            var url = Url().Match(Text);
            return !url.Success || !url.Groups["scheme"].Value.StartsWith("http", StringComparison.Ordinal) ? null
                : url.Groups["path"].Success ? url.Groups["path"].Value : "/";
        }
    }

    /// <summary>Docker's test array: <c>["CMD-SHELL", line]</c>, <c>["CMD", program, args...]</c>; <c>["NONE"]</c> or empty is no check.</summary>
    public static CheckCommand? FromDockerTest(IReadOnlyList<string> test)
    {
        if (test.Count == 0 || test[0] == "NONE")
        {
            return null;
        }

        return test[0] switch
        {
            "CMD-SHELL" => FromShell(string.Join(' ', test.Skip(1))),
            "CMD" => test.Count > 1 ? FromExec(test.Skip(1).ToList()) : null,
            _ => FromExec(test),
        };
    }

    public static CheckCommand FromShell(string commandLine) => new(true, FirstProgram(commandLine), commandLine);

    /// <summary>An exec command; <c>sh -c "..."</c> (and bash, ash, ...) needs a shell and runs the first word of its script.</summary>
    public static CheckCommand FromExec(IReadOnlyList<string> arguments)
    {
        var text = string.Join(' ', arguments);
        if (arguments.Count == 0)
        {
            return new CheckCommand(false, null, text);
        }

        var name = arguments[0][(arguments[0].LastIndexOf('/') + 1)..];
        var script = arguments.Skip(1).SkipWhile(a => !IsCommandFlag(a)).Skip(1).FirstOrDefault();
        if (Shells.Contains(name) && script is not null)
        {
            return new CheckCommand(true, FirstProgram(script), text) { Interpreter = name is "sh" or "busybox" ? null : arguments[0] };
        }

        return new CheckCommand(false, arguments[0], text);
    }

    /// <summary>
    /// The program a shell line starts: skips <c>VAR=value</c>, redirections (<c>3&lt;&gt;/dev/tcp/host/port</c>,
    /// <c>2&gt;&amp;1</c>) and keywords (<c>exec</c>, <c>if</c>, <c>!</c>); builtins start nothing.
    /// </summary>
    private static string? FirstProgram(string commandLine)
    {
        var words = commandLine.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim('"', '\'').TrimStart('(', '{');
            if (Redirection().IsMatch(word))
            {
                // "> file" leaves its target as the next word.
                i += Redirection().Match(word).Groups["target"].Length == 0 ? 1 : 0;
                continue;
            }

            if (word.Length == 0 || ShellKeywords.Contains(word) || EnvironmentAssignment().IsMatch(word))
            {
                continue;
            }

            word = word.TrimEnd(';', ')', '}');
            return ShellBuiltins.Contains(word) || word.Length == 0 ? null : word;
        }

        return null;
    }

    private static bool IsCommandFlag(string argument) => argument == "-c" || (argument.StartsWith('-') && !argument.StartsWith("--", StringComparison.Ordinal) && argument.EndsWith('c'));

    private string? Argument(string flag)
    {
        var words = Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == flag && i + 1 < words.Length)
            {
                return words[i + 1].Trim('"', '\'');
            }

            if (words[i].StartsWith(flag + "=", StringComparison.Ordinal))
            {
                return words[i][(flag.Length + 1)..].Trim('"', '\'');
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<scheme>https?|grpc|tcp)://(?<host>\[[^\]]*\]|[^\s/:'""]+)(:(?<port>[^\s/'""?#;|&)]+))?(?<path>/[^\s'""?#;|&)]*)?")]
    private static partial Regex Url();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvironmentAssignment();

    [GeneratedRegex(@"^(\d*|&)(<>|>>|<<<|<<|>&|<&|>\||>|<)(?<target>.*)$")]
    private static partial Regex Redirection();
}
