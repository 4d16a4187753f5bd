using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// The CLI's side of the one lint run (<see cref="ContainerHealth.Lint.LintRun"/>): every container with a check (and
/// every Dockerfile, whose base may need one), checked against the image it names or <c>--image</c>, all inspected at
/// once. It states two findings more strongly than the build: a CH1001/CH1002 judged from the image's layers is an error
/// (the check can never pass), and so is CH1005, placed at the image the file names (nothing was checked against it).
/// </summary>
public sealed class CommandLineLintTargets(LintOptions options, string? image) : ILintTargets
{
    public IReadOnlyList<DeploymentContainer> Choose(IReadOnlyList<DeploymentContainer> containers) =>
        Targets(containers, image).Where(c => c.Checks.Count > 0 || DockerfileBaseImage.NeedsChecking(c)).ToList();

    public async Task<IReadOnlyList<ContainerImageFacts>> FactsAsync(IReadOnlyList<DeploymentContainer> containers, CancellationToken cancellationToken)
    {
        var names = containers.Select(ImageName).ToList();
        using var resolver = new ImageFactsResolver(options.Platform);
        var inspections = await resolver.ResolveAsync(names.OfType<string>(), cancellationToken);
        return containers.Select((container, i) => names[i] is { } name ? ContainerImageFacts.Inspected(container, inspections[name].Facts, inspections[name].Warning) : Unresolvable(container)).ToList();
    }

    public LintSettings SettingsFor(DeploymentContainer container, ImageFacts facts) => new()
    {
        ContainerRepository = facts.Image,
        CheckPath = options.Path ?? HealthCheckDefaults.Path,
        PortOverride = options.Port is { } port ? AppPorts.Explicit(port) : null,
        PortFallback = AppPorts.OfImage(facts),
    };

    public Diagnostic? Report(Diagnostic diagnostic, ImageFacts facts)
    {
        if (options.Path is null && diagnostic.Code == DiagnosticCodes.PathMismatch)
        {
            return null;
        }

        var certain = facts.Source == FactsSource.Layers && diagnostic.Code is DiagnosticCodes.ShellMissing or DiagnosticCodes.ProgramMissing;
        return certain || diagnostic.Code == DiagnosticCodes.InspectionFailed ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic;
    }

    public string? NothingChecked(int files, int containers, bool reported) =>
        containers == 0 && !reported ? "no container with a health check or probe was found in the files; nothing to lint" : null;

    /// <summary>The image to inspect for a container; null when there is none to inspect (scratch, or a name lint cannot resolve).</summary>
    private string? ImageName(DeploymentContainer container)
    {
        var name = image ?? (container.Dockerfile is null ? container.Image : DockerfileBaseImage.NameToInspect(container));
        return string.IsNullOrWhiteSpace(name) || name.Contains('$', StringComparison.Ordinal) ? null : name;
    }

    private ContainerImageFacts Unresolvable(DeploymentContainer container)
    {
        if (image is null && container.Dockerfile is not null)
        {
            return DockerfileBaseImage.WithoutImage(container, unset => $"Pass {string.Join(" ", unset.Select(v => $"--build-arg {v}=..."))}, or --image REF.");
        }

        // Nothing can be checked against an image nobody named: as for an unreadable one, CI must not pass silently.
        var name = image ?? container.Image;
        return new ContainerImageFacts([], new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Error,
            $"Container '{container.Name}' names {(string.IsNullOrWhiteSpace(name) ? "no image" : $"its image as '{name}', which lint cannot resolve")}, so its health check was not checked against an image. Pass --image REF (or give the variable a value in .env or a default).",
            container.File, container.ImagePosition.Line, container.ImagePosition.Column));
    }

    /// <summary>
    /// --image names the image the files run: containers naming its repository, or every container when none does (the
    /// files name the pushed image, e.g. an ECR URL, and --image the same image elsewhere). Verify chooses the same way.
    /// </summary>
    internal static IEnumerable<DeploymentContainer> Targets(IReadOnlyList<DeploymentContainer> containers, string? image) =>
        image is null ? containers
        : ImageReference.TryParse(image, out var reference) && containers.Any(c => DeploymentLint.Runs(c.Image, reference.Repository))
            ? containers.Where(c => DeploymentLint.Runs(c.Image, reference.Repository))
            : containers;
}
