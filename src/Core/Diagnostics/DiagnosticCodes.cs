namespace ContainerHealth.Diagnostics;

/// <summary>The build-time CH1xxx codes, in one place; every code has docs/rules/&lt;code&gt;.md.</summary>
public static class DiagnosticCodes
{
    public const string HelpLinkBase = RuleDocs.Url;

    /// <summary>The check needs a shell and the image has none.</summary>
    public const string ShellMissing = "CH1001";

    /// <summary>The check runs a program the image does not have.</summary>
    public const string ProgramMissing = "CH1002";

    /// <summary>No shell, no probe, no exec-form command: the image cannot be health-checked.</summary>
    public const string ImageCannotBeChecked = "CH1003";

    /// <summary>The check's port differs from the port the app listens on.</summary>
    public const string PortMismatch = "CH1004";

    /// <summary>The base image could not be inspected.</summary>
    public const string InspectionFailed = "CH1005";

    /// <summary>A property or deployment-file value is malformed or out of range.</summary>
    public const string InvalidValue = "CH1006";

    /// <summary>No probe exists for the runtime identifier.</summary>
    public const string UnsupportedRuntimeIdentifier = "CH1007";

    /// <summary>A deployment file could not be parsed.</summary>
    public const string MalformedDeploymentFile = "CH1008";

    /// <summary>The deployment file's check probes another path than ContainerHealthCheckPath.</summary>
    public const string PathMismatch = "CH1009";

    /// <summary>The publish output already has a file named healthprobe that is not ContainerHealth's probe.</summary>
    public const string ProbeNameCollision = "CH1010";

    /// <summary>The HEALTHCHECK could not be written into the image the SDK produced (archive, registry or local engine).</summary>
    public const string HealthCheckNotWritten = "CH1011";

    /// <summary>ContainerHealth's hooks into the SDK's container targets did not run: the image has no probe and no HEALTHCHECK.</summary>
    public const string SdkContractBroken = "CH1012";

    /// <summary>This MSBuild cannot run ContainerHealth's .NET tasks (.NET Framework MSBuild before 18): the package does nothing.</summary>
    public const string UnsupportedMSBuild = "CH1013";

    /// <summary>Verify: the image's health check, run under a real engine, did not pass.</summary>
    public const string VerifyNotHealthy = "CH1014";

    /// <summary>Verify could not run: no container engine answered, or the image could not be loaded or pulled into it.</summary>
    public const string VerifyCouldNotRun = "CH1015";

    /// <summary>The build cannot confirm that the path the HEALTHCHECK probes answers in Production (an informational message).</summary>
    public const string ProbePathUnconfirmed = "CH1018";
    /// <summary>A Dockerfile's final stage has no HEALTHCHECK on a base image without a shell: the lines to add.</summary>
    public const string DockerfileWithoutHealthCheck = "CH1016";

    /// <summary>A publish for a Linux RID put the probe into the publish output: the HEALTHCHECK line a Dockerfile needs.</summary>
    public const string PublishedProbeHealthCheck = "CH1017";

    public static string HelpLink(string code) => HelpLinkBase + code + ".md";
}
