namespace ContainerHealth.HealthCheck;

/// <summary>
/// The port the app listens on inside the container: ASPNETCORE_HTTP_PORTS from the container environment, else the first
/// tcp ContainerPort, else 8080 (what the .NET images set).
/// </summary>
public static class HealthCheckPort
{
    public const string HttpPortsVariable = "ASPNETCORE_HTTP_PORTS";

    public static int Derive(ContainerFacts facts)
    {
        var httpPorts = facts.EnvironmentVariables.LastOrDefault(v => v.Key == HttpPortsVariable).Value;
        foreach (var candidate in (httpPorts ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(candidate, out var port))
            {
                return port;
            }
        }

        foreach (var (number, type) in facts.Ports)
        {
            if ((type.Length == 0 || type.Equals("tcp", StringComparison.OrdinalIgnoreCase)) && TryParse(number, out var port))
            {
                return port;
            }
        }

        return HealthCheckDefaults.Port;
    }

    public static bool TryParse(string text, out int port) =>
        int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port)
        && port is >= 1 and <= 65535;
}
