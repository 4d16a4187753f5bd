using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// The build's lint: the containers whose image names the project's repository, checked against the base image's facts
/// of every RID with the project's settings. Without facts, ports, paths and values are still checked. A Dockerfile is
/// checked against its own base, read with <paramref name="inspectDockerfileBase"/> (without it, Dockerfiles are left out):
/// the image the publish builds is not what the Dockerfile builds on.
/// </summary>
public sealed class ProjectLintTargets(IReadOnlyList<ImageFacts> facts, LintSettings settings, InspectImage? inspectDockerfileBase = null) : ILintTargets
{
    private readonly IReadOnlyList<ImageFacts> facts = facts.Count > 0 ? facts
        : [new ImageFacts { Image = settings.ContainerRepository, Platform = "", Source = FactsSource.Unknown }];

    public IReadOnlyList<DeploymentContainer> Choose(IReadOnlyList<DeploymentContainer> containers) =>
        containers.Where(c => c.Dockerfile is null
            ? DeploymentLint.Runs(c.Image, settings.ContainerRepository)
            : inspectDockerfileBase is not null && DockerfileBaseImage.NeedsChecking(c)).ToList();

    public async Task<IReadOnlyList<ContainerImageFacts>> FactsAsync(IReadOnlyList<DeploymentContainer> containers, CancellationToken cancellationToken)
    {
        var result = new List<ContainerImageFacts>(containers.Count);
        foreach (var container in containers)
        {
            result.Add(container.Dockerfile is null ? new ContainerImageFacts(facts) : await DockerfileBaseFactsAsync(container, cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// The project's path and protocol (the Dockerfile builds this app), but not what the publish decided for its own
    /// image: the probe's place, the working directory, and a port read from the publish's base image (the Dockerfile's
    /// base says where the app listens, as in the CLI).
    /// </summary>
    public LintSettings SettingsFor(DeploymentContainer container, ImageFacts facts) => container.Dockerfile is null ? settings : new()
    {
        ContainerRepository = facts.Image,
        CheckPath = settings.CheckPath,
        Protocol = settings.Protocol,
        PortOverride = settings.PortOverride,
        PortFallback = AppPorts.OfImage(facts),
    };

    public Diagnostic? Report(Diagnostic diagnostic, ImageFacts facts) => diagnostic;

    public string? NothingChecked(int files, int containers, bool reported) =>
        files == 0 ? null : $"no container in the {files} deployment file(s) runs an image named '{settings.ContainerRepository}'; nothing to lint";

    private async Task<ContainerImageFacts> DockerfileBaseFactsAsync(DeploymentContainer container, CancellationToken cancellationToken)
    {
        if (DockerfileBaseImage.NameToInspect(container) is not { } name || name.Contains('$', StringComparison.Ordinal))
        {
            return DockerfileBaseImage.WithoutImage(container, unset => $"Give {string.Join(", ", unset.Select(v => $"ARG {v}"))} a default in the Dockerfile, or lint it with container-health lint {Path.GetFileName(container.File)} {string.Join(" ", unset.Select(v => $"--build-arg {v}=..."))}.");
        }

        var inspection = await inspectDockerfileBase!(name, cancellationToken);
        return ContainerImageFacts.Inspected(container, inspection.Facts, inspection.Warning);
    }
}
