namespace ContainerHealth.HealthCheck;

/// <summary>
/// ASP.NET Core's host filtering answers a request whose Host header it does not allow with 400, and the probe sends
/// <c>Host: localhost</c>. When <c>AllowedHosts</c> (appsettings files, or the container's environment over them)
/// excludes localhost, the probe is given a host the filter accepts (<c>--host-header</c>): the first plain host, else
/// one under the first <c>*.domain</c> wildcard. <c>*</c>, an empty value or a list with localhost need nothing.
/// </summary>
public static class AllowedHostsHeader
{
    public const string Key = "AllowedHosts";

    /// <summary>The label put in front of a <c>*.domain</c> wildcard to name a host it accepts.</summary>
    public const string WildcardLabel = "healthcheck";

    /// <param name="settings">The app's appsettings files.</param>
    /// <param name="environment">ContainerEnvironmentVariable items: configuration reads <c>AllowedHosts</c> (and the host's <c>ASPNETCORE_AllowedHosts</c>) over the files.</param>
    public static HostHeader? Choose(AppSettings settings, IEnumerable<KeyValuePair<string, string>> environment)
    {
        string? value = null;
        var source = "";
        if (settings.Get(Key) is { } configured)
        {
            (value, source) = (configured.Value, $"{configured.File} {Key}");
        }

        foreach (var (name, environmentValue) in environment)
        {
            if (name.Equals(Key, StringComparison.OrdinalIgnoreCase) || name.Equals("ASPNETCORE_" + Key, StringComparison.OrdinalIgnoreCase))
            {
                (value, source) = (environmentValue, $"{name} in ContainerEnvironmentVariable");
            }
        }

        return value is null || For(value) is not { } host ? null : new HostHeader(host, $"{source} '{value}'");
    }

    /// <summary>The Host header to send for an <c>AllowedHosts</c> value, or null when <c>localhost</c> is accepted as is.</summary>
    public static string? For(string allowedHosts)
    {
        var hosts = allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Any(h => h == "*" || h.Equals("localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (hosts.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal) && !h.Any(char.IsWhiteSpace)) is { } plain)
        {
            return plain;
        }

        return WildcardLabel + hosts[0][1..];
    }
}

/// <summary>The Host header the probe sends, and the setting that made it necessary.</summary>
public sealed record HostHeader(string Host, string Source);
