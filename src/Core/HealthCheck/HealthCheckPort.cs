namespace ContainerHealth.HealthCheck;

/// <summary>
/// The one derivation of the port the app listens on in the container, in the order that decides it at run time:
/// <list type="number">
/// <item>ContainerHealthCheckPort, when the project sets it (pinned into the HEALTHCHECK);</item>
/// <item>Kestrel endpoints or <c>urls</c> in appsettings(.Production).json, which override the environment (pinned);</item>
/// <item>the container's environment — the base image's, then ContainerEnvironmentVariable over it — read the way Kestrel
/// and the probe read it: a URLS setting (<c>URLS</c>, <c>DOTNET_URLS</c>, <c>ASPNETCORE_URLS</c>) over an HTTP_PORTS setting;</item>
/// <item>the first tcp ContainerPort, when the environment says nothing (pinned: the probe cannot see it);</item>
/// <item>8080, what the .NET images set.</item>
/// </list>
/// </summary>
public static class HealthCheckPort
{
    public const string HttpPortsVariable = "ASPNETCORE_HTTP_PORTS";

    /// <summary>The variables that set Kestrel's URLS, in the order Kestrel (and the probe) prefers them; they win over HTTP_PORTS.</summary>
    public static readonly IReadOnlyList<string> UrlsVariables = ["URLS", "DOTNET_URLS", "ASPNETCORE_URLS"];

    /// <summary>The variables that set Kestrel's HTTP_PORTS, in the order Kestrel prefers them.</summary>
    public static readonly IReadOnlyList<string> HttpPortsVariables = ["HTTP_PORTS", "DOTNET_HTTP_PORTS", HttpPortsVariable];

    /// <param name="explicitPort">ContainerHealthCheckPort, already validated, or null.</param>
    public static AppPort Resolve(int? explicitPort, ContainerFacts facts)
    {
        if (explicitPort is { } port)
        {
            return new AppPort(port, "ContainerHealthCheckPort", Pinned: true);
        }

        if (facts.ProjectDirectory.Length > 0 && AppSettingsPort.Read(facts.ProjectDirectory) is { } configured)
        {
            return configured;
        }

        if (FromEnvironment(facts) is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        foreach (var (number, type) in facts.Ports)
        {
            if ((type.Length == 0 || type.Equals("tcp", StringComparison.OrdinalIgnoreCase)) && TryParse(number, out var containerPort))
            {
                return new AppPort(containerPort, AppPort.ContainerPortSource, Pinned: true);
            }
        }

        return AppPort.Default;
    }

    public static bool TryParse(string text, out int port) =>
        int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port)
        && port is >= 1 and <= 65535;

    private static AppPort? FromEnvironment(ContainerFacts facts)
    {
        var environment = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        foreach (var variable in facts.BaseImageEnvironment)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
            {
                environment[variable[..equals]] = (variable[(equals + 1)..], "the base image's environment");
            }
        }

        foreach (var (name, value) in facts.EnvironmentVariables)
        {
            environment[name] = (value, "ContainerEnvironmentVariable");
        }

        foreach (var name in UrlsVariables)
        {
            if (environment.TryGetValue(name, out var urls))
            {
                foreach (var url in urls.Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (AppSettingsPort.HttpPort(url) is { } port)
                    {
                        return new AppPort(port, $"{name} in {urls.Source}", Pinned: false);
                    }
                }
            }
        }

        foreach (var name in HttpPortsVariables)
        {
            if (environment.TryGetValue(name, out var ports))
            {
                foreach (var candidate in ports.Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (TryParse(candidate, out var port))
                    {
                        return new AppPort(port, $"{name} in {ports.Source}", Pinned: false);
                    }
                }
            }
        }

        return null;
    }
}
