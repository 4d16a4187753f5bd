using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe;

/// <summary>The outcome of reading the command line: options to run with, a request for help, or what is wrong.</summary>
internal sealed class ParsedArguments(ProbeOptions? options, bool helpRequested, string? error)
{
    public ProbeOptions? Options => options;

    public bool HelpRequested => helpRequested;

    public string? Error => error;
}

/// <summary>Reads <c>healthprobe [URL] [options]</c>; without a URL, the port comes from the environment.</summary>
internal static class ProbeArguments
{
    public const string Usage =
        "usage: healthprobe [http://[user:password@]host:port/path | tcp://host:port | grpc://host:port[/service]] [--timeout 3s] " +
        "[--path /healthz] [--header \"Name: value\"]... [--host-header host] [--expect 200-399] " +
        "[--protocol http|grpc|tcp] [--service name]";

    public static ParsedArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? urlText = null, path = null, hostHeader = null, service = null;
        ProbeScheme? protocol = null;
        var timeout = ProbeOptions.DefaultTimeout;
        var expect = StatusRanges.Default;
        var expectGiven = false;
        var headers = new List<HttpHeader>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return new ParsedArguments(null, helpRequested: true, null);
            }

            if (!arg.StartsWith('-'))
            {
                if (urlText is not null)
                {
                    return Invalid($"more than one URL ('{ProbeUrl.WithoutPassword(urlText)}', '{ProbeUrl.WithoutPassword(arg)}')");
                }

                urlText = arg;
                continue;
            }

            // Both "--name value" and "--name=value".
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
                return IsKnownOption(name) ? Invalid($"{name} needs a value") : Invalid($"unknown option '{name}'");
            }

            string error;
            switch (name)
            {
                case "--timeout":
                    if (!DurationParser.TryParse(value, out timeout, out error))
                    {
                        return Invalid("--timeout " + error);
                    }

                    break;
                case "--path":
                    if (!ProbeUrl.IsSendablePath(value))
                    {
                        return Invalid($"--path '{value}' must start with / and be URL-encoded");
                    }

                    path = value;
                    break;
                case "--header":
                    if (!HttpHeader.TryParse(value, out var header, out error))
                    {
                        return Invalid(error);
                    }

                    headers.Add(header);
                    break;
                case "--host-header":
                    if (value.Length == 0 || !IsVisibleAscii(value))
                    {
                        return Invalid($"--host-header '{value}' must be a host[:port] without spaces");
                    }

                    hostHeader = value;
                    break;
                case "--expect":
                    if (!StatusRanges.TryParse(value, out expect, out error))
                    {
                        return Invalid("--expect " + error);
                    }

                    expectGiven = true;
                    break;
                case "--protocol":
                    protocol = value switch { "http" => ProbeScheme.Http, "grpc" => ProbeScheme.Grpc, "tcp" => ProbeScheme.Tcp, _ => null };
                    if (protocol is null)
                    {
                        return Invalid($"--protocol '{value}' is not http, grpc or tcp");
                    }

                    break;
                case "--service":
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

        ProbeUrl url;
        if (urlText is null)
        {
            if (!PortFromEnvironment.TryResolve(environment, out var port, out var error))
            {
                return Invalid(error);
            }

            url = protocol is null or ProbeScheme.Http
                ? ProbeUrl.Http("localhost", port.Port, path ?? ProbeOptions.DefaultPath)
                : ProbeUrl.ForScheme(protocol.Value, "localhost", port.Port);
        }
        else
        {
            if (!ProbeUrl.TryParse(urlText, out url, out var error))
            {
                // An https:// URL is well-formed, just not something a TLS-less probe can check.
                var isHttps = urlText.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                return isHttps ? new ParsedArguments(null, false, error) : Invalid(error);
            }

            if (protocol is not null && protocol != url.Scheme)
            {
                return Invalid($"--protocol {ProbeUrl.SchemeName(protocol.Value)} contradicts the URL '{urlText}'");
            }

            if (path is not null && url.Scheme == ProbeScheme.Http)
            {
                url = url.WithPath(path);
            }
        }

        var httpOptionGiven = path is not null || hostHeader is not null || headers.Count > 0 || expectGiven;
        if (url.Scheme != ProbeScheme.Http && httpOptionGiven)
        {
            return Invalid($"--path, --header, --host-header and --expect apply to http:// URLs, not {ProbeUrl.SchemeName(url.Scheme)}://");
        }

        if (service is not null)
        {
            if (url.Scheme != ProbeScheme.Grpc)
            {
                return Invalid("--service names a gRPC service: use it with grpc://host:port or --protocol grpc");
            }

            url = url.WithPath(service.Length == 0 ? "" : "/" + service);
        }

        return new ParsedArguments(new ProbeOptions(url, timeout, headers, hostHeader, expect), false, null);
    }

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

    private static bool IsKnownOption(string name) =>
        name is "--timeout" or "--path" or "--header" or "--host-header" or "--expect" or "--protocol" or "--service";

    private static ParsedArguments Invalid(string error) => new(null, false, "bad usage: " + error + " (healthprobe --help)");
}
