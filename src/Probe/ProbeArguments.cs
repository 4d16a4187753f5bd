namespace ContainerHealth.Probe;

/// <summary>The outcome of reading the command line: options to run with, a request for help, or what is wrong.</summary>
internal sealed class ParsedArguments(ProbeOptions? options, bool helpRequested, string? error)
{
    public ProbeOptions? Options => options;

    public bool HelpRequested => helpRequested;

    public string? Error => error;
}

/// <summary>
/// Turns the command line (<see cref="ProbeCommandLine"/>) into what one run checks: the URL as given, or localhost at
/// <c>--port</c> or at the port the container's environment gives the app.
/// </summary>
internal static class ProbeArguments
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var reading = ProbeCommandLine.Read(args);
        if (reading.HelpRequested)
        {
            return new ParsedArguments(null, helpRequested: true, null);
        }

        if (reading.CommandLine is not { } line)
        {
            return new ParsedArguments(null, false, reading.ProbeAnswer);
        }

        ProbeUrl url;
        if (line.ParsedUrl is { } given)
        {
            url = line.Path is not null && given.Scheme == ProbeScheme.Http ? given.WithPath(line.Path) : given;
        }
        else
        {
            int port;
            if (line.Port is { } pinned)
            {
                port = pinned;
            }
            else if (PortFromEnvironment.TryResolve(environment, out var fromEnvironment, out var error))
            {
                port = fromEnvironment.Port;
            }
            else
            {
                return new ParsedArguments(null, false, "bad usage: " + error + " (healthprobe --help)");
            }

            url = line.Scheme == ProbeScheme.Http
                ? ProbeUrl.Http("localhost", port, line.Path ?? ProbeCommandLine.DefaultPath)
                : ProbeUrl.ForScheme(line.Scheme, "localhost", port);
        }

        if (line.Service is { } service)
        {
            url = url.WithPath(service.Length == 0 ? "" : "/" + service);
        }

        return new ParsedArguments(new ProbeOptions(url, line.Timeout ?? ProbeCommandLine.DefaultTimeout, line.ParsedHeaders, line.HostHeader, line.ExpectRanges), false, null);
    }
}
