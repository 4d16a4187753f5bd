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

        if (FromEnvironment(container.Environment, "in the file") is { } fromFile)
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
            if (FromEnvironment(KestrelAddressVariable.Parse(facts.Environment), "in the image") is { } fromImage)
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
    /// The variable Kestrel takes its addresses from; unlike the HEALTHCHECK's single port, every port it names counts,
    /// https ones too (a check may target them). Null when none is set, unknown (empty) when its ports are variables.
    /// </summary>
    private static AppPorts? FromEnvironment(IReadOnlyDictionary<string, string> environment, string where) =>
        KestrelAddressVariable.Find(environment) is { } variable ? new(variable.Ports, $"{variable.Name}={variable.Value} {where}") : null;
}
