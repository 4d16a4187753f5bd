using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// CH1016: a Dockerfile whose final stage has no HEALTHCHECK (and no HEALTHCHECK NONE) on a base image without a shell and
/// without a check of its own gets the exact lines to add: the probe from the publish output for a .NET base, else the
/// probe copied from a probe-only image.
/// </summary>
public static class DockerfileRules
{
    /// <summary>How the README and the messages name the probe-only image a user pushes with <c>container-health probe image</c>.</summary>
    public const string ProbeImagePlaceholder = "REGISTRY/healthprobe:TAG";

    public static IEnumerable<Diagnostic> Check(DeploymentContainer container, ImageFacts facts, LintSettings settings)
    {
        if (container.Dockerfile is not { } built || built.HealthCheck is not null || built.HealthCheckNone
            || facts.Source == FactsSource.Unknown || facts.HasShell != false || built.Changes.AddsShell || facts.Healthcheck is not null)
        {
            yield break;
        }

        var from = built.FinalStage.From;
        var stage = built.FinalStage.Name is { } name ? $"'{name}'" : $"{built.FinalStage.Index}";
        var lines = IsDotNet(facts)
            ? $"{HealthCheckLine(ProbePath(built), HealthCheckCommand.ProbeLine(settings.Protocol, settings.CheckPath, pinnedPort: null).ToArguments())} (publish with the ContainerHealth package for a Linux RID, e.g. dotnet publish -a $TARGETARCH, so that the COPY of the publish output carries healthprobe)"
            : $"COPY --from={ProbeImagePlaceholder} /healthprobe /healthprobe and {HealthCheckLine("/healthprobe", [HealthCheckProtocolChoice.Url(settings.Protocol, Port(container, settings), settings.CheckPath)])} (container-health probe image --push {ProbeImagePlaceholder} makes the probe-only image)";
        yield return new Diagnostic(DiagnosticCodes.DockerfileWithoutHealthCheck, DiagnosticSeverity.Message,
            $"The final stage {stage} has no HEALTHCHECK, and its base image {facts.Image} has no shell, so curl- or wget-style checks cannot run in it. Add: {lines}.",
            container.File, from.Line, from.Column);
    }

    public static string HealthCheckLine(string probe, IEnumerable<string> arguments) =>
        "HEALTHCHECK CMD " + HealthCheckInstruction.ExecForm([probe, .. arguments]);

    /// <summary>Microsoft's .NET images set DOTNET_VERSION (runtime-deps: APP_UID); then the app's publish output can carry the probe.</summary>
    private static bool IsDotNet(ImageFacts facts) =>
        facts.Environment.Any(e => e.StartsWith("DOTNET_VERSION=", StringComparison.Ordinal) || e.StartsWith("ASPNET_VERSION=", StringComparison.Ordinal) || e.StartsWith("APP_UID=", StringComparison.Ordinal))
        || facts.ExecutablesOnPath.Contains("dotnet", StringComparer.Ordinal);

    private static string ProbePath(DockerfileImage built) =>
        (built.WorkingDirectory == "/" ? "/app" : built.WorkingDirectory) + "/" + HealthCheckDefaults.ProbeFileName;

    private static int Port(DeploymentContainer container, LintSettings settings) =>
        AppPorts.For(container, settings).Ports is [var first, ..] ? first : HealthCheckDefaults.Port;
}
