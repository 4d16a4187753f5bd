using ContainerHealth.Probe;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The user's own check from <c>ContainerHealthCheckCommand</c>: <c>CMD-SHELL &lt;string&gt;</c> or the exec form
/// <c>CMD;arg;arg</c>, turned into Docker's <c>Test</c> array.
/// </summary>
public static class HealthCheckCommand
{
    public const string ShellKeyword = "CMD-SHELL";
    public const string ExecKeyword = "CMD";
    public const string Syntax = "'CMD-SHELL <command line>' or the exec form 'CMD;<program>;<arg>;...'";

    public static bool TryParse(string text, out IReadOnlyList<string> test)
    {
        test = [];
        var trimmed = text.Trim();
        if (trimmed.StartsWith(ShellKeyword, StringComparison.Ordinal))
        {
            var rest = trimmed[ShellKeyword.Length..];
            if (rest.Length == 0 || !(rest[0] == ' ' || rest[0] == ';'))
            {
                return false;
            }

            var commandLine = rest[1..].Trim();
            if (commandLine.Length == 0)
            {
                return false;
            }

            test = [ShellKeyword, commandLine];
            return true;
        }

        var parts = trimmed.Split(';');
        if (parts.Length < 2 || parts[0].Trim() != ExecKeyword || parts[1].Trim().Length == 0)
        {
            return false;
        }

        test = [ExecKeyword, .. parts.Skip(1).Select(p => p.Trim())];
        return true;
    }

    /// <summary>
    /// The probe's exec-form test for a protocol: the path, and a deadline under the check's timeout. The probe reads the
    /// port from the container's environment at run time (told only the path, or the protocol), unless the port is
    /// pinned: then the test names the URL. A grpc check asks about <paramref name="service"/> when one is given; an http
    /// check sends <paramref name="hostHeader"/> as its Host when the app's host filter needs one.
    /// </summary>
    public static IReadOnlyList<string> ForProbe(string probePath, HealthCheckProtocol protocol, string checkPath, AppPort port, DockerDuration timeout, string service = "", string hostHeader = "") =>
        [ExecKeyword, probePath, .. ProbeLine(protocol, checkPath, port.Pinned ? port.Number : null, service, ProbeDeadline.For(timeout), hostHeader).ToArguments()];

    /// <summary>The probe's command line for a check (written with the probe's own printer, so the probe reads it back); no timeout: the probe's default.</summary>
    public static ProbeCommandLine ProbeLine(HealthCheckProtocol protocol, string checkPath, int? pinnedPort, string service = "", TimeSpan? deadline = null, string hostHeader = "")
    {
        var scheme = ToScheme(protocol);
        return new ProbeCommandLine
        {
            Url = pinnedPort is { } port ? ProbeCommandLine.LocalUrl(scheme, port, checkPath) : null,
            Protocol = pinnedPort is null && scheme != ProbeScheme.Http ? scheme : null,
            Path = pinnedPort is null && scheme == ProbeScheme.Http ? checkPath : null,
            Service = scheme == ProbeScheme.Grpc && service.Length > 0 ? service : null,
            HostHeader = scheme == ProbeScheme.Http && hostHeader.Length > 0 ? hostHeader : null,
            Timeout = deadline,
        };
    }

    public static ProbeScheme ToScheme(HealthCheckProtocol protocol) => protocol switch
    {
        HealthCheckProtocol.Grpc => ProbeScheme.Grpc,
        HealthCheckProtocol.Tcp => ProbeScheme.Tcp,
        _ => ProbeScheme.Http,
    };

    /// <summary>Whether a check runs the program at <paramref name="probePath"/> (exec form, or named in the shell command).</summary>
    public static bool Runs(IReadOnlyList<string> test, string probePath) => test switch
    {
        [ExecKeyword, var program, ..] => program == probePath,
        [ShellKeyword, var commandLine] => commandLine.Contains(probePath, StringComparison.Ordinal),
        _ => false,
    };
}
