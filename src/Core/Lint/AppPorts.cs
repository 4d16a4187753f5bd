using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// The ports the app in one deployed container listens on, and what says so — the one place lint decides it. In order:
/// an explicit port (<c>--port</c>), the container's URLS / HTTP_PORTS settings in the file, the ports the
/// file declares for it, the project's port, the image's own environment and EXPOSE, then 8080. A value written as a
/// variable (<c>${PORT}</c>) is unknown, so nothing is compared: <see cref="Ports"/> is empty.
/// </summary>
public sealed record AppPorts(IReadOnlyList<int> Ports, string Source)
{
    public bool Contains(int port) => Ports.Count == 0 || Ports.Contains(port);

    public static AppPorts For(DeploymentContainer container, LintSettings settings, ImageFacts? facts)
    {
        if (settings.AppPortIsExplicit && settings.AppPort is { } explicitPort)
        {
            return new([explicitPort], "as set explicitly");
        }

        if (FromEnvironment(container.Environment.ToDictionary(), "in the file") is { } fromFile)
        {
            return fromFile;
        }

        if (container.HasUnknownPorts)
        {
            return new([], "a port the file writes as a variable");
        }

        if (container.Ports.Count > 0)
        {
            return new(container.Ports.Distinct().ToList(), $"the ports the file declares for it: {string.Join(", ", container.Ports.Distinct())}");
        }

        if (settings.AppPort is { } projectPort)
        {
            return new([projectPort], "according to the project");
        }

        if (facts is not null)
        {
            var environment = facts.Environment
                .Select(e => e.Split('=', 2))
                .Where(e => e.Length == 2)
                .GroupBy(e => e[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
            if (FromEnvironment(environment, "in the image") is { } fromImage)
            {
                return fromImage;
            }

            var exposed = facts.ExposedPorts.Select(p => HealthCheckPort.TryParse(p.Split('/')[0], out var port) ? port : 0).Where(p => p > 0).ToList();
            if (exposed.Count > 0)
            {
                return new(exposed, $"the image's EXPOSE {string.Join(", ", exposed)}");
            }
        }

        return new([HealthCheckDefaults.Port], "the .NET images' default");
    }

    /// <summary>
    /// The URL variables, then the HTTP_PORTS ones, in Kestrel's order (HealthCheckPort's lists); unlike the HEALTHCHECK's
    /// single port, every port they name counts, and https ones too (a check may target them). Null when none is set,
    /// unknown (empty) when they are variables.
    /// </summary>
    private static AppPorts? FromEnvironment(Dictionary<string, string> environment, string where)
    {
        foreach (var name in HealthCheckPort.UrlsVariables)
        {
            if (environment.TryGetValue(name, out var urls))
            {
                var ports = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(UrlPort).Where(p => p > 0).ToList();
                return new(ports, $"{name}={urls} {where}");
            }
        }

        foreach (var name in HealthCheckPort.HttpPortsVariables)
        {
            if (environment.TryGetValue(name, out var httpPorts))
            {
                var ports = httpPorts.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => HealthCheckPort.TryParse(p, out var port) ? port : 0).Where(p => p > 0).ToList();
                return new(ports, $"{name}={httpPorts} {where}");
            }
        }

        return null;
    }

    private static int UrlPort(string url)
    {
        var colon = url.LastIndexOf(':');
        return colon > 0 && HealthCheckPort.TryParse(url[(colon + 1)..].TrimEnd('/'), out var port) ? port
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && colon == 4 ? 80
            : 0;
    }
}
