using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe;

/// <summary>
/// The probe's command line: its options, their reading and their writing. One file (with the value parsers beside it in
/// CommandLine/), compiled into the probe, which runs with it, and linked into Core, where the build writes the
/// HEALTHCHECK's arguments with it and lint reads a check that runs the probe with it — so an option the build writes,
/// the probe knows, and an option the probe refuses, lint reports.
/// </summary>
public sealed class ProbeCommandLine
{
    public const string Usage =
        "usage: healthprobe [http://[user:password@]host:port/path | tcp://host:port | grpc://host:port[/service]] [--timeout 3s] " +
        "[--path /healthz] [--port N] [--header \"Name: value\"]... [--host-header host] [--expect 200-399] " +
        "[--protocol http|grpc|tcp] [--service name]";

    public const string DefaultPath = "/healthz";

    public const string TimeoutOption = "--timeout";
    public const string PathOption = "--path";
    public const string PortOption = "--port";
    public const string HeaderOption = "--header";
    public const string HostHeaderOption = "--host-header";
    public const string ExpectOption = "--expect";
    public const string ProtocolOption = "--protocol";
    public const string ServiceOption = "--service";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private List<HttpHeader>? parsedHeaders;

    /// <summary>The URL to probe; null: localhost, at <see cref="Port"/> or the port the container's environment gives the app.</summary>
    public string? Url { get; init; }

    /// <summary>What the check speaks; null: the URL's scheme, or http.</summary>
    public ProbeScheme? Protocol { get; init; }

    /// <summary><c>--port N</c>: localhost:N, in place of the port from the environment.</summary>
    public int? Port { get; init; }

    public string? Path { get; init; }

    public string? Service { get; init; }

    /// <summary>Extra request headers, each as written: <c>Name: value</c>.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    public string? HostHeader { get; init; }

    public string? Expect { get; init; }

    /// <summary>The probe's deadline; null: <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What the probe checks when no URL is given: http at <see cref="Path"/>, or the protocol alone.</summary>
    public ProbeScheme Scheme =>
        Protocol ?? (Url is not null && ProbeUrl.TryParse(Url, out var url, out _) ? url.Scheme : ProbeScheme.Http);

    internal ProbeUrl? ParsedUrl { get; private set; }

    internal IReadOnlyList<HttpHeader> ParsedHeaders => parsedHeaders ?? [];

    internal StatusRanges ExpectRanges { get; private set; } = StatusRanges.Default;

    /// <summary>The URL the build writes when the port is pinned: <c>http://localhost:PORT/path</c>, <c>grpc://localhost:PORT</c>, <c>tcp://localhost:PORT</c>.</summary>
    public static string LocalUrl(ProbeScheme scheme, int port, string path) => scheme switch
    {
        ProbeScheme.Http => $"http://localhost:{port}{path}",
        _ => $"{ProbeUrl.SchemeName(scheme)}://localhost:{port}",
    };

    /// <summary>The <c>--timeout</c> syntax: whole seconds as <c>4s</c>, otherwise milliseconds.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration.Milliseconds == 0 ? $"{(long)duration.TotalSeconds}s" : $"{(long)duration.TotalMilliseconds}ms";

    /// <summary>The arguments after the program, in the order the build writes them.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>();
        if (Url is not null)
        {
            arguments.Add(Url);
        }

        Add(ProtocolOption, Protocol is { } protocol ? ProbeUrl.SchemeName(protocol) : null);
        Add(PortOption, Port?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(PathOption, Path);
        Add(ServiceOption, Service);
        foreach (var header in Headers)
        {
            Add(HeaderOption, header);
        }

        Add(HostHeaderOption, HostHeader);
        Add(ExpectOption, Expect);
        Add(TimeoutOption, Timeout is { } timeout ? FormatDuration(timeout) : null);
        return arguments;

        void Add(string option, string? value)
        {
            if (value is not null)
            {
                arguments.Add(option);
                arguments.Add(value);
            }
        }
    }

    /// <summary>Reads <c>healthprobe [URL] [options]</c>, both <c>--name value</c> and <c>--name=value</c>, and checks every value as the probe will.</summary>
    public static ProbeCommandLineReading Read(IReadOnlyList<string> args)
    {
        string? url = null, path = null, hostHeader = null, service = null, expect = null;
        ProbeScheme? protocol = null;
        int? port = null;
        TimeSpan? timeout = null;
        var headers = new List<string>();
        List<HttpHeader>? parsedHeaders = null;
        var expectRanges = StatusRanges.Default;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return ProbeCommandLineReading.Help;
            }

            if (!arg.StartsWith('-'))
            {
                if (url is not null)
                {
                    return Invalid($"more than one URL ('{ProbeUrl.WithoutPassword(url)}', '{ProbeUrl.WithoutPassword(arg)}')");
                }

                url = arg;
                continue;
            }

            var equals = arg.IndexOf('=');
            var name = equals < 0 ? arg : arg[..equals];
            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return IsKnown(name) ? Invalid($"{name} needs a value") : Invalid($"unknown option '{name}'");
            }

            string error;
            switch (name)
            {
                case TimeoutOption:
                    if (!DurationParser.TryParse(value, out var duration, out error))
                    {
                        return Invalid("--timeout " + error);
                    }

                    timeout = duration;
                    break;
                case PathOption:
                    if (!ProbeUrl.IsSendablePath(value))
                    {
                        return Invalid($"--path '{value}' must start with / and be URL-encoded");
                    }

                    path = value;
                    break;
                case PortOption:
                    if (!PortNumber.TryParse(value, out var number))
                    {
                        return Invalid($"--port '{value}' is not a port (1-65535)");
                    }

                    port = number;
                    break;
                case HeaderOption:
                    if (!HttpHeader.TryParse(value, out var header, out error))
                    {
                        return Invalid(error);
                    }

                    (parsedHeaders ??= []).Add(header);
                    headers.Add(value);
                    break;
                case HostHeaderOption:
                    if (value.Length == 0 || !IsVisibleAscii(value))
                    {
                        return Invalid($"--host-header '{value}' must be a host[:port] without spaces");
                    }

                    hostHeader = value;
                    break;
                case ExpectOption:
                    if (!StatusRanges.TryParse(value, out expectRanges, out error))
                    {
                        return Invalid("--expect " + error);
                    }

                    expect = value;
                    break;
                case ProtocolOption:
                    protocol = value switch { "http" => ProbeScheme.Http, "grpc" => ProbeScheme.Grpc, "tcp" => ProbeScheme.Tcp, _ => null };
                    if (protocol is null)
                    {
                        return Invalid($"--protocol '{value}' is not http, grpc or tcp");
                    }

                    break;
                case ServiceOption:
                    if (!IsPrintable(value))
                    {
                        return Invalid("--service has control characters");
                    }

                    service = value;
                    break;
                default:
                    return Invalid($"unknown option '{name}'");
            }
        }

        ProbeUrl? parsedUrl = null;
        if (url is not null)
        {
            if (!ProbeUrl.TryParse(url, out parsedUrl, out var error))
            {
                // An https:// URL is well-formed, just not something a TLS-less probe can check.
                return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? new ProbeCommandLineReading(null, error, isUsage: false) : Invalid(error);
            }

            if (protocol is not null && protocol != parsedUrl.Scheme)
            {
                return Invalid($"--protocol {ProbeUrl.SchemeName(protocol.Value)} contradicts the URL '{ProbeUrl.WithoutPassword(url)}'");
            }

            if (port is not null)
            {
                return Invalid($"--port {port} and the URL '{ProbeUrl.WithoutPassword(url)}' both name the port: use one of them");
            }
        }

        var scheme = protocol ?? parsedUrl?.Scheme ?? ProbeScheme.Http;
        if (scheme != ProbeScheme.Http && (path is not null || hostHeader is not null || headers.Count > 0 || expect is not null))
        {
            return Invalid($"--path, --header, --host-header and --expect apply to http:// URLs, not {ProbeUrl.SchemeName(scheme)}://");
        }

        if (service is not null && scheme != ProbeScheme.Grpc)
        {
            return Invalid("--service names a gRPC service: use it with grpc://host:port or --protocol grpc");
        }

        var commandLine = new ProbeCommandLine
        {
            Url = url,
            Protocol = protocol,
            Port = port,
            Path = path,
            Service = service,
            Headers = headers,
            HostHeader = hostHeader,
            Expect = expect,
            Timeout = timeout,
            ParsedUrl = parsedUrl,
            ExpectRanges = expectRanges,
            parsedHeaders = parsedHeaders,
        };
        return new ProbeCommandLineReading(commandLine, null, isUsage: false);
    }

    private static bool IsKnown(string name) =>
        name is TimeoutOption or PathOption or PortOption or HeaderOption or HostHeaderOption or ExpectOption or ProtocolOption or ServiceOption;

    private static bool IsVisibleAscii(string text)
    {
        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintable(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ProbeCommandLineReading Invalid(string problem) => new(null, problem, isUsage: true);
}
