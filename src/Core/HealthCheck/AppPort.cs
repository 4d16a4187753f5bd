namespace ContainerHealth.HealthCheck;

/// <summary>
/// The port the app listens on in the container, and where that came from. A <see cref="Pinned"/> port comes from
/// something the probe cannot see at run time (a project property, appsettings.json): the HEALTHCHECK names it. Any
/// other port is read by the probe from the container's environment when it runs, so a port moved at deploy time moves
/// the check with it.
/// </summary>
public sealed record AppPort(int Number, string Source, bool Pinned)
{
    public const string ContainerPortSource = "ContainerPort";

    public static AppPort Default { get; } = new(HealthCheckDefaults.Port, "the .NET images' default", Pinned: false);

    /// <summary>
    /// Whether an environment set at deploy time (a compose file's ASPNETCORE_HTTP_PORTS) cannot move the app: the project
    /// said so, or appsettings.json's Kestrel endpoints, which Kestrel prefers over the environment.
    /// </summary>
    public bool OverridesEnvironment => Pinned && Source != ContainerPortSource;
}
