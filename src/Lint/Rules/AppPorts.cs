using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// The ports the app in one deployed container listens on, and what says so — the one place lint decides it. In order:
/// a port that overrides the file (<see cref="LintSettings.PortOverride"/>), the container's URLS / HTTP_PORTS settings
/// in the file, the ports the file declares for it, then what stands when the file says nothing
/// (<see cref="LintSettings.PortFallback"/>: the project's decided port in the build, the image's own settings in the CLI).
/// A value written as a variable (<c>${PORT}</c>) is unknown, so nothing is compared: <see cref="Ports"/> is empty.
/// </summary>
public sealed record AppPorts(IReadOnlyList<int> Ports, string Source)
{
    /// <summary>Where nothing says otherwise, the .NET images listen on 8080.</summary>
    public static readonly AppPorts DotNetDefault = new([HealthCheckDefaults.Port], "the .NET images' default");

    public bool Contains(int port) => Ports.Count == 0 || Ports.Contains(port);

    public static AppPorts For(DeploymentContainer container, LintSettings settings) =>
        settings.PortOverride ?? InFile(container) ?? settings.PortFallback;

    public static AppPorts Explicit(int port) => new([port], "as set explicitly");

    public static AppPorts OfProject(int port) => new([port], "according to the project");

    /// <summary>What the image itself says: its URLS / HTTP_PORTS environment, then its EXPOSE, then 8080.</summary>
    public static AppPorts OfImage(ImageFacts facts)
    {
        if (facts.Source == FactsSource.Unknown)
        {
            return DotNetDefault;
        }

        if (FromEnvironment(KestrelAddressVariable.Parse(facts.Environment), "in the image") is { } fromImage)
        {
            return fromImage;
        }

        var exposed = facts.ExposedPorts.Select(p => HealthCheckPort.TryParse(p.Split('/')[0], out var port) ? port : 0).Where(p => p > 0).ToList();
        return exposed.Count > 0 ? new(exposed, $"the image's EXPOSE {string.Join(", ", exposed)}") : DotNetDefault;
    }

    /// <summary>What the deployment file says for the container, or null when it says nothing about its ports.</summary>
    private static AppPorts? InFile(DeploymentContainer container)
    {
        if (FromEnvironment(container.Environment, "in the file") is { } fromFile)
        {
            return fromFile;
        }

        if (container.HasUnknownPorts)
        {
            return new([], "a port the file writes as a variable");
        }

        var declared = container.Ports.Distinct().ToList();
        return declared.Count > 0 ? new(declared, $"the ports the file declares for it: {string.Join(", ", declared)}") : null;
    }

    /// <summary>
    /// The variable Kestrel takes its addresses from; unlike the HEALTHCHECK's single port, every port it names counts,
    /// https ones too (a check may target them). Null when none is set, unknown (empty) when its ports are variables.
    /// </summary>
    private static AppPorts? FromEnvironment(IReadOnlyDictionary<string, string> environment, string where) =>
        KestrelAddressVariable.Find(environment) is { } variable ? new(variable.Ports, $"{variable.Name}={variable.Value} {where}") : null;
}
