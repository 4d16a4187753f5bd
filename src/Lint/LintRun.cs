using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>What a lint run reads: the files (each once), compose files merged as one project, the limits, and what docker build would be told.</summary>
public sealed record LintInput
{
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary><c>-f a -f b</c>: compose files of one project, merged in order as <c>docker compose -f a -f b</c> does.</summary>
    public IReadOnlyList<string> ComposeFiles { get; init; } = [];

    public LintLimits Limits { get; init; } = LintLimits.Default;

    public DockerfileBuildOptions Dockerfile { get; init; } = DockerfileBuildOptions.Default;
}

/// <summary>The facts a container is checked against (one per platform; none when its image could not be read), and a finding about its image.</summary>
public sealed record ContainerImageFacts(IReadOnlyList<ImageFacts> Facts, Diagnostic? Finding = null)
{
    /// <summary>An inspection's facts for a container, its CH1005 placed where the file names the image; facts that say nothing are left out.</summary>
    public static ContainerImageFacts Inspected(DeploymentContainer container, ImageFacts facts, Diagnostic? warning) => new(
        facts.Source == FactsSource.Unknown ? [] : [facts],
        warning is null ? null : warning with { File = container.File, Line = container.ImagePosition.Line, Column = container.ImagePosition.Column });
}

/// <summary>
/// What differs between the build and the CLI: which containers are checked, the image facts each is checked against,
/// the settings the rules read, and how strongly a finding is stated.
/// </summary>
public interface ILintTargets
{
    IReadOnlyList<DeploymentContainer> Choose(IReadOnlyList<DeploymentContainer> containers);

    /// <summary>The facts for each of <paramref name="containers"/>, in their order.</summary>
    Task<IReadOnlyList<ContainerImageFacts>> FactsAsync(IReadOnlyList<DeploymentContainer> containers, CancellationToken cancellationToken);

    LintSettings SettingsFor(DeploymentContainer container, ImageFacts facts);

    /// <summary>The finding as this caller reports it, or null to leave it out.</summary>
    Diagnostic? Report(Diagnostic diagnostic, ImageFacts facts);

    /// <summary>A note when no container was checked: the files held none, or none this caller checks.</summary>
    string? NothingChecked(int files, int containers, bool reported);
}

/// <summary>
/// The one lint run of the build and the CLI: reads every file once (<see cref="DeploymentLint.Read"/>), picks the
/// containers to check, gets the facts of the images they run, and applies every rule (<see cref="DeploymentLint.Check"/>).
/// The same finding is reported once.
/// </summary>
public static class LintRun
{
    public static async Task<LintResult> RunAsync(LintInput input, ILintTargets targets, CancellationToken cancellationToken)
    {
        var files = DeploymentLint.Plan(input.Files);
        var read = files.Select(file => DeploymentLint.Read(file, input.Limits, input.Dockerfile)).ToList();
        if (input.ComposeFiles.Count > 0)
        {
            read.Add(ComposeFileReader.Read(input.ComposeFiles, null, input.Limits));
        }

        var diagnostics = read.SelectMany(r => r.Diagnostics).ToList();
        var notes = read.SelectMany(r => r.Notes).ToList();
        var containers = read.SelectMany(r => r.Containers).ToList();
        var chosen = targets.Choose(containers);
        var images = await targets.FactsAsync(chosen, cancellationToken);
        for (var i = 0; i < chosen.Count; i++)
        {
            var (container, image) = (chosen[i], images[i]);
            if (image.Finding is { } finding && targets.Report(finding, (image.Facts.Count > 0 ? image.Facts[0] : Unknown(container))) is { } reported)
            {
                diagnostics.Add(reported);
            }

            foreach (var facts in image.Facts)
            {
                var settings = targets.SettingsFor(container, facts);
                diagnostics.AddRange(DeploymentLint.Check(container, facts, settings).Select(d => targets.Report(d, facts)).OfType<Diagnostic>());
            }
        }

        if (chosen.Count == 0 && targets.NothingChecked(files.Count + input.ComposeFiles.Count, containers.Count, diagnostics.Count + notes.Count > 0) is { } nothing)
        {
            notes.Add(nothing);
        }

        return new LintResult(diagnostics.DistinctBy(d => (d.Code, d.File, d.Line, d.Column, d.Message)).ToList(), notes, chosen.Count);
    }

    private static ImageFacts Unknown(DeploymentContainer container) =>
        new() { Image = container.Image ?? "", Platform = "", Source = FactsSource.Unknown };
}
