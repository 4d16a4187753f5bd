using System.Text.RegularExpressions;

namespace ContainerHealth.Lint;

/// <summary>
/// What a health-check command needs from the image: a shell (<c>CMD-SHELL</c>, a compose string, <c>sh -c</c>), the
/// program it starts, and the port and path it probes (from a URL, or the probe's <c>--port</c>/<c>--path</c>). A gRPC or
/// TCP check (a <c>grpc://</c> or <c>tcp://</c> URL, the probe's <c>--protocol grpc|tcp</c>) has a port but no path.
/// </summary>
public sealed partial record CheckCommand(bool NeedsShell, string? Program, string Text)
{
    private static readonly HashSet<string> Shells = ["sh", "bash", "ash", "dash", "zsh", "busybox"];
    private static readonly HashSet<string> ShellBuiltins = ["exit", "true", "false", "test", "[", "echo", "printf", "cd", ":", "!", "exec", "set", "{", "("];

    /// <summary>The port the check calls on this container: a <c>--port</c> flag, or a URL to localhost.</summary>
    public int? Port
    {
        get
        {
            if (Argument("--port") is { } flag && int.TryParse(flag, out var probePort))
            {
                return probePort;
            }

            var url = Url().Match(Text);
            if (url.Success && url.Groups["host"].Value is not ("localhost" or "127.0.0.1" or "0.0.0.0" or "[::1]"))
            {
                return null;
            }

            return url.Success && url.Groups["port"].Success && int.TryParse(url.Groups["port"].Value, out var port) ? port
                : url.Success ? url.Groups["scheme"].Value switch { "https" => 443, "http" => (int?)80, _ => null }
                : null;
        }
    }

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
        var script = arguments.Skip(1).SkipWhile(a => a != "-c").Skip(1).FirstOrDefault();
        if (Shells.Contains(name) && script is not null)
        {
            return new CheckCommand(true, FirstProgram(script), text);
        }

        return new CheckCommand(false, arguments[0], text);
    }

    /// <summary>The program a shell line starts: skips <c>VAR=value</c> and <c>exec</c>; builtins start nothing.</summary>
    private static string? FirstProgram(string commandLine)
    {
        foreach (var raw in commandLine.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('"', '\'');
            if (word.Length == 0 || word == "exec" || EnvironmentAssignment().IsMatch(word))
            {
                continue;
            }

            return ShellBuiltins.Contains(word) ? null : word;
        }

        return null;
    }

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

    [GeneratedRegex(@"(?<scheme>https?|grpc|tcp)://(?<host>[^\s/:'""]+)(:(?<port>\d+))?(?<path>/[^\s'""?#]*)?")]
    private static partial Regex Url();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvironmentAssignment();
}
