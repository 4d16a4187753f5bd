namespace ContainerHealth.HealthCheck;

/// <summary>
/// The one derivation of the port the app listens on in the container, in the order that decides it at run time:
/// <list type="number">
/// <item>ContainerHealthCheckPort, when the project sets it (pinned into the HEALTHCHECK);</item>
/// <item>Kestrel endpoints or <c>urls</c> in appsettings(.Production).json, which override the environment (pinned);</item>
/// <item>the container's environment — the base image's, then ContainerEnvironmentVariable over it — read the way Kestrel
/// and the probe read it (<see cref="KestrelAddressVariable"/>);</item>
/// <item>the first tcp ContainerPort, when the environment says nothing (pinned: the probe cannot see it);</item>
/// <item>8080, what the .NET images set.</item>
/// </list>
/// </summary>
public static class HealthCheckPort
{
    /// <param name="explicitPort">ContainerHealthCheckPort, already validated, or null.</param>
    /// <param name="appSettings">The app's appsettings files, read once per decision.</param>
    public static AppPort Resolve(int? explicitPort, ContainerFacts facts, AppSettings appSettings)
    {
        if (explicitPort is { } port)
        {
            return new AppPort(port, "ContainerHealthCheckPort", Pinned: true);
        }

        if (AppSettingsPort.From(appSettings) is { } configured)
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
        var environment = KestrelAddressVariable.Parse(facts.BaseImageEnvironment);
        foreach (var (name, value) in facts.EnvironmentVariables)
        {
            environment[name] = value;
        }

        if (KestrelAddressVariable.Find(environment) is not { FirstHttpPort: { } port } variable)
        {
            return null;
        }

        var source = facts.EnvironmentVariables.Any(v => v.Key == variable.Name) ? "ContainerEnvironmentVariable" : "the base image's environment";
        return new AppPort(port, $"{variable.Name} in {source}", Pinned: false);
    }
}
