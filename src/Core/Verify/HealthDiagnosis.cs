using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerHealth.Verify;

/// <summary>
/// Why a verified check did not pass, and what to do, where the evidence says: the engine's health log (the check's own
/// output, e.g. the probe's "unhealthy: HTTP 404 from http://localhost:8080/healthz") and the container's output (ASP.NET
/// Core's "Now listening on: http://[::]:5000"). Null when nothing knowable explains it; the evidence is printed anyway.
/// </summary>
public static partial class HealthDiagnosis
{
    /// <summary>The engine could not start the check's program: no shell for CMD-SHELL, no such file, or a shell's "not found" (127).</summary>
    public static bool CannotStart(HealthLogEntry entry) =>
        ExecFailure().IsMatch(entry.Output) || (entry.ExitCode == 127 && NotFound().IsMatch(entry.Output));

    public static string? Explain(VerifyOutcome outcome)
    {
        var checkOutput = string.Join("\n", outcome.HealthLog.Select(e => e.Output));
        if (outcome.Verdict == VerifyVerdict.NoHealthCheck)
        {
            return "the image has no HEALTHCHECK, so there is nothing to run: give it one (ContainerHealthCheck=true in a .NET publish, HEALTHCHECK in a Dockerfile), or verify it with a deployment file's check";
        }

        if (outcome.HealthLog.FirstOrDefault(CannotStart) is { } failed)
        {
            return CannotStartAdvice(failed.Output.Trim());
        }

        if (outcome.Verdict == VerifyVerdict.Exited)
        {
            var code = outcome.ExitCode is { } exit ? $" with exit code {exit}" : "";
            return $"the app exited{code}; its last output is below — fix the start-up failure it shows (a setting the container lacks is often the cause: pass it with ContainerHealthVerifyEnvironmentVariable or --env)";
        }

        // The check's own output names what it probed (the probe's line does); else a URL in its command line.
        var testText = outcome.Test is null ? "" : string.Join(" ", outcome.Test);
        var probed = ProbedPort(checkOutput) ?? ProbedPort(testText) ?? PortFlag(testText);
        var listening = AppStartup.ListeningPorts(outcome.ContainerOutput);
        if (probed is { } port && listening.Count > 0 && !listening.Contains(port))
        {
            var appPort = listening[0];
            return $"the app listens on port {Ports(listening)} (its log says \"Now listening on\"), but the check probes port {port}: set ContainerHealthCheckPort={appPort} (in a deployment file, probe port {appPort}), or let the app listen where the environment says (ASPNETCORE_HTTP_PORTS) instead of an address pinned in code (UseUrls, Listen*, app.Urls, app.Run(url))";
        }

        var status = HttpStatus(checkOutput);
        var path = ProbedPath(checkOutput) ?? ProbedPath(testText) ?? Flag(testText, "path") ?? "the checked path";
        switch (status)
        {
            case 400:
                return $"the app answers HTTP 400 to the check's request for {path}: with host filtering on (AllowedHosts in appsettings.json), a request for Host: localhost is refused; add localhost to AllowedHosts (e.g. \"example.com;localhost\"), or leave AllowedHosts unset in the container";
            case 404:
                return $"the app answers HTTP 404 for {path}: nothing is mapped there in Production; map it (app.MapHealthChecks(\"{path}\") after builder.Services.AddHealthChecks()), check that a configuration switch does not turn it off, or probe the path the app maps (ContainerHealthCheckPath)";
            case 401 or 403:
                return $"the app answers HTTP {status} for {path}: the endpoint requires authentication (a fallback or endpoint authorization policy); allow anonymous access to it (.AllowAnonymous() on MapHealthChecks)";
            case >= 500:
                return $"the app answers HTTP {status} for {path}: its own health checks report it unhealthy; see its output below for the check that fails";
        }

        if (checkOutput.Contains("connection refused", StringComparison.OrdinalIgnoreCase) && listening.Count == 0 && outcome.Verdict is VerifyVerdict.Unhealthy or VerifyVerdict.TimedOut)
        {
            return $"nothing accepts connections on the probed port{(probed is { } p ? " " + p.ToString(CultureInfo.InvariantCulture) : "")}, and the app never said where it listens; check its output below";
        }

        return outcome.Verdict == VerifyVerdict.TimedOut && outcome.HealthLog.Count == 0
            ? "the engine ran no check within the timeout; raise ContainerHealthVerifyTimeout (--timeout) if the app needs longer to start"
            : null;
    }

    private static string CannotStartAdvice(string output)
    {
        var missing = MissingFile().Match(output) is { Success: true } m ? m.Groups["file"].Value : null;
        if (missing is "/bin/sh" || output.Contains("\"/bin/sh\"", StringComparison.Ordinal))
        {
            return $"the engine said \"{output}\". A CMD-SHELL check runs /bin/sh, and the image has no shell; write the check in exec form ([\"CMD\", \"/app/healthprobe\", ...]) with a program the image has, e.g. ContainerHealth's probe";
        }

        return $"the engine said \"{output}\". Run a program the image has (e.g. ContainerHealth's probe, /app/healthprobe), in exec form";
    }

    /// <summary>The probe's <c>--port N</c> / <c>--path /p</c> in a check's command line.</summary>
    private static string? Flag(string test, string name) =>
        Regex.Match(test, @"--" + name + @"[ =](?<value>\S+)") is { Success: true } m ? m.Groups["value"].Value : null;

    private static int? PortFlag(string test) =>
        Flag(test, "port") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    private static string Ports(IReadOnlyList<int> ports) => string.Join(", ", ports);

    private static int? HttpStatus(string output) =>
        HttpStatusLine().Matches(output).LastOrDefault() is { } m ? int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture) : null;

    private static int? ProbedPort(string output) =>
        ProbedAddress().Matches(output).LastOrDefault() is { } m ? int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture) : null;

    private static string? ProbedPath(string output) =>
        ProbedUrl().Matches(output).LastOrDefault() is { } m ? (m.Groups["path"].Success ? m.Groups["path"].Value : "/") : null;

    // The probe: "HTTP 404 from http://..."; curl -f: "The requested URL returned error: 404"; wget: "server returned error: HTTP/1.1 404".
    [GeneratedRegex(@"(?:\bHTTP (?<status>[1-5]\d\d) from|returned error: (?:HTTP/\d(?:\.\d)? )?(?<status>[1-5]\d\d))")]
    private static partial Regex HttpStatusLine();

    [GeneratedRegex(@"(?:https?|grpc|tcp)://(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0):(?<port>\d{1,5})|\((?:127\.0\.0\.1|\[::1\]|localhost):(?<port>\d{1,5})|port (?<port>\d{1,5})\b")]
    private static partial Regex ProbedAddress();

    [GeneratedRegex(@"https?://[^\s/]+(?<path>/[^\s""']*)?")]
    private static partial Regex ProbedUrl();

    [GeneratedRegex(@"OCI runtime exec failed|exec failed|executable file not found|not found in \$PATH|OCI runtime attempted to invoke a command that was not found|stat [^:\s]+: no such file or directory|exec format error")]
    private static partial Regex ExecFailure();

    [GeneratedRegex(@"(?:not found|No such file or directory)")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"(?:stat (?<file>[^:\s]+): no such file|executable file [`'""]?(?<file>[^`'""\s]+)[`'""]? not found)")]
    private static partial Regex MissingFile();
}
