namespace ContainerHealth.HealthCheck;

/// <summary>
/// The environment variable Kestrel takes the app's addresses from, read the way Kestrel (and the probe) read it: a URLS
/// setting over an HTTP_PORTS one, and for each the unprefixed name over DOTNET_ over ASPNETCORE_; a blank one counts as
/// unset; entries are separated by ';'. The HEALTHCHECK takes its first http port (<see cref="HealthCheckPort"/>); lint
/// counts every port it names (<c>AppPorts</c>).
/// </summary>
public sealed record KestrelAddressVariable(string Name, string Value, bool IsUrls)
{
    public static readonly IReadOnlyList<string> UrlsVariables = ["URLS", "DOTNET_URLS", "ASPNETCORE_URLS"];

    public static readonly IReadOnlyList<string> HttpPortsVariables = ["HTTP_PORTS", "DOTNET_HTTP_PORTS", "ASPNETCORE_HTTP_PORTS"];

    /// <summary>Kestrel's TLS ports: never the probe's (it speaks no TLS), but part of where the app listens.</summary>
    public static readonly IReadOnlyList<string> HttpsPortsVariables = ["HTTPS_PORTS", "DOTNET_HTTPS_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    public static KestrelAddressVariable? Find(IReadOnlyDictionary<string, string> environment) =>
        First(environment, UrlsVariables, isUrls: true) ?? First(environment, HttpPortsVariables, isUrls: false);

    /// <summary><c>NAME=value</c> lines (an image config's Env) as a lookup; a later line wins, as in the engine.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
            {
                environment[variable[..equals]] = variable[(equals + 1)..];
            }
        }

        return environment;
    }

    /// <summary>The port a plain-HTTP client such as the probe reaches: the first http:// URL's, or the first listed port.</summary>
    public int? FirstHttpPort => HttpPorts().Cast<int?>().FirstOrDefault();

    /// <summary>Every port it names, https URLs' too (a check may target them); entries that are not ports (<c>${PORT}</c>) are skipped.</summary>
    public IReadOnlyList<int> Ports => IsUrls ? Entries.Select(AppSettingsPort.UrlPort).OfType<int>().ToList() : HttpPorts().ToList();

    private string[] Entries => Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private IEnumerable<int> HttpPorts() =>
        IsUrls
            ? Entries.Select(AppSettingsPort.HttpPort).OfType<int>()
            : Entries.Select(entry => HealthCheckPort.TryParse(entry, out var port) ? port : (int?)null).OfType<int>();

    private static KestrelAddressVariable? First(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> names, bool isUrls)
    {
        foreach (var name in names)
        {
            if (environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return new KestrelAddressVariable(name, value, isUrls);
            }
        }

        return null;
    }
}
