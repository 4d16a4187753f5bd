using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>Inspects an image named by reference for a lint run (the registry, or a file or directory where the caller can read one).</summary>
public delegate Task<BaseImageInspection> InspectImage(string image, CancellationToken cancellationToken);

/// <summary>
/// The image a Dockerfile's final stage is checked against, for the build and the CLI alike: its own base (the bottom of
/// the final stage's chain, after ARG substitution), never the image a publish builds. <c>FROM scratch</c> has nothing
/// to inspect; a base named by an ARG nobody sets is CH1005 at its FROM.
/// </summary>
public static class DockerfileBaseImage
{
    /// <summary>A Dockerfile with a HEALTHCHECK, or with none that <c>HEALTHCHECK NONE</c> turned off, is checked against its base.</summary>
    public static bool NeedsChecking(DeploymentContainer container) => container.Dockerfile is { HealthCheckNone: false };

    /// <summary>The reference to inspect for a Dockerfile's base; null for scratch and for a base an unset ARG names.</summary>
    public static string? NameToInspect(DeploymentContainer container) =>
        container.Dockerfile is not { } built || built.Root.IsScratch || built.Root.UnsetVariables.Count > 0 ? null : container.Image;

    /// <summary>
    /// The facts of a base with nothing to inspect: scratch's (empty), or none, with CH1005 saying which ARG to set
    /// (<paramref name="howToSet"/>: how this caller passes a build argument, e.g. <c>--build-arg BASE=...</c>).
    /// </summary>
    public static ContainerImageFacts WithoutImage(DeploymentContainer container, Func<IReadOnlyCollection<string>, string> howToSet)
    {
        var root = container.Dockerfile!.Root;
        if (root.IsScratch)
        {
            return new ContainerImageFacts([DockerfileBaseFacts.Scratch]);
        }

        return new ContainerImageFacts([], new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Warning,
            $"The base image of the final stage ('FROM {root.From.Arguments}') uses {string.Join(", ", root.UnsetVariables)}, which no ARG default or --build-arg sets, so its health check was not checked against an image. {howToSet(root.UnsetVariables)}",
            container.File, container.ImagePosition.Line, container.ImagePosition.Column));
    }
}
