using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// The build's lint: the containers whose image names the project's repository, checked against the base image's facts
/// of every RID with the project's settings. Without facts, ports, paths and values are still checked.
/// </summary>
public sealed class ProjectLintTargets(IReadOnlyList<ImageFacts> facts, LintSettings settings) : ILintTargets
{
    private readonly IReadOnlyList<ImageFacts> facts = facts.Count > 0 ? facts
        : [new ImageFacts { Image = settings.ContainerRepository, Platform = "", Source = FactsSource.Unknown }];

    public IReadOnlyList<DeploymentContainer> Choose(IReadOnlyList<DeploymentContainer> containers) =>
        containers.Where(c => DeploymentLint.Runs(c.Image, settings.ContainerRepository)).ToList();

    public Task<IReadOnlyList<ContainerImageFacts>> FactsAsync(IReadOnlyList<DeploymentContainer> containers, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerImageFacts>>(containers.Select(_ => new ContainerImageFacts(facts)).ToList());

    public LintSettings SettingsFor(DeploymentContainer container, ImageFacts facts) => settings;

    public Diagnostic? Report(Diagnostic diagnostic, ImageFacts facts) => diagnostic;

    public string? NothingChecked(int files, int containers, bool reported) =>
        files == 0 ? null : $"no container in the {files} deployment file(s) runs an image named '{settings.ContainerRepository}'; nothing to lint";
}
