using ContainerHealth.HealthCheck;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// Compute step before compile: the part of the decision that does not depend on the runtime identifier, by the same
/// <see cref="HealthCheckPlanner"/> and inputs the publish uses, handed to the analyzers as compiler-visible properties
/// (<c>_ContainerHealthDecided*</c>). It reports nothing: the publish's decision reports the same findings.
/// </summary>
public sealed class ComputeContainerHealthCompileProperties : HealthCheckDecisionTask
{
    /// <summary>http, grpc, tcp, or command (the project's own ContainerHealthCheckCommand).</summary>
    [Output]
    public string DecidedProtocol { get; set; } = "";

    /// <summary>ContainerHealthCheckPath, or empty when the project sets none (the app's mapped endpoints decide at publish).</summary>
    [Output]
    public string DecidedPath { get; set; } = "";

    [Output]
    public string DecidedPort { get; set; } = "";

    [Output]
    public string DecidedHostHeader { get; set; } = "";

    public override bool Execute()
    {
        // The base image's environment is not known before publish (it can move the port with ASPNETCORE_HTTP_PORTS):
        // everything else that decides the port is — ContainerHealthCheckPort, appsettings, ContainerEnvironmentVariable,
        // ContainerPort — so the analyzers see the port the HEALTHCHECK probes on the .NET images.
        var decision = HealthCheckPlanner.Decide(Settings(), Facts(runtimeIdentifier: "", baseImageEnvironment: []));

        DecidedProtocol = decision.CustomCommand ? "command" : HealthCheckProtocolChoice.Name(decision.Protocol);
        DecidedPath = decision.ProbePath.Source == ProbePathChoice.ProjectSource ? decision.Path : "";
        DecidedPort = decision.Port.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        DecidedHostHeader = decision.HostHeader?.Host ?? "";
        return true;
    }
}
