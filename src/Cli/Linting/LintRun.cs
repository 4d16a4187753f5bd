using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// Reads the deployment files with the library, inspects the images the containers run (or the one <c>--image</c>
/// names) all at once, and applies the library's health-check rules to every check. The CLI states two findings more
/// strongly than the build: a CH1001/CH1002 judged from the image's layers is an error (the check can never pass), and
/// so is CH1005, placed at the image the file names (nothing was checked against it).
/// </summary>
public sealed class LintRun(LintOptions options, Action<string> note)
{
    private readonly List<Diagnostic> diagnostics = [];

    public async Task<IReadOnlyList<Diagnostic>> RunAsync(IReadOnlyList<string> files, string? image, CancellationToken cancellationToken)
    {
        var read = DeploymentLint.Plan(files).Select(file => DeploymentLint.Read(file, options.Limits, options.Dockerfile)).ToList();
        if (options.ComposeFiles.Count > 0)
        {
            read.Add(ComposeFileReader.Read(options.ComposeFiles, null, options.Limits));
        }

        diagnostics.AddRange(read.SelectMany(r => r.Diagnostics));
        var notes = read.SelectMany(r => r.Notes).ToList();
        notes.ForEach(note);

        var containers = read.SelectMany(r => r.Containers).ToList();
        // A Dockerfile without a HEALTHCHECK is still checked: its base image may need one (CH1016).
        var targets = Targets(containers, image).Where(c => c.Checks.Count > 0 || c.Dockerfile is { HealthCheckNone: false }).ToList();
        var runnable = new List<(DeploymentContainer Container, string Image)>();
        foreach (var container in targets)
        {
            var imageName = image ?? container.Image;
            if (image is null && container.Dockerfile is { } built && (built.Root.IsScratch || built.Root.UnsetVariables.Count > 0))
            {
                if (built.Root.IsScratch)
                {
                    Check(container, "scratch", DockerfileBaseFacts.Scratch);
                }
                else
                {
                    diagnostics.Add(UnresolvedBase(container, built.Root));
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(imageName) || imageName.Contains('$', StringComparison.Ordinal))
            {
                // Nothing can be checked against an image nobody named: as for an unreadable one, CI must not pass silently.
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Error,
                    $"Container '{container.Name}' names {(string.IsNullOrWhiteSpace(imageName) ? "no image" : $"its image as '{imageName}', which lint cannot resolve")}, so its health check was not checked against an image. Pass --image REF (or give the variable a value in .env or a default).",
                    container.File, container.ImagePosition.Line, container.ImagePosition.Column));
                continue;
            }

            runnable.Add((container, imageName));
        }

        using var resolver = new ImageFactsResolver(options.Platform);
        var inspections = await resolver.ResolveAsync(runnable.Select(r => r.Image), cancellationToken);
        foreach (var (container, imageName) in runnable)
        {
            var inspection = inspections[imageName];
            if (inspection.Warning is { } warning)
            {
                diagnostics.Add(warning with { Severity = DiagnosticSeverity.Error, File = container.File, Line = container.ImagePosition.Line, Column = container.ImagePosition.Column });
            }

            if (inspection.Facts.Source != FactsSource.Unknown)
            {
                Check(container, imageName, inspection.Facts);
            }
        }

        if (containers.Count == 0 && diagnostics.Count == 0 && notes.Count == 0)
        {
            note("no container with a health check or probe was found in the files; nothing to lint");
        }

        return diagnostics.DistinctBy(d => (d.Code, d.File, d.Line, d.Column, d.Message)).ToList();
    }

    /// <summary>
    /// --image names the image the files run: containers naming its repository, or every container when none does
    /// (the files name the pushed image, e.g. an ECR URL, and --image the same image elsewhere).
    /// </summary>
    private static IEnumerable<DeploymentContainer> Targets(List<DeploymentContainer> containers, string? image) =>
        image is null ? containers
        : ImageReference.TryParse(image, out var reference) && containers.Any(c => DeploymentLint.Runs(c.Image, reference.Repository))
            ? containers.Where(c => DeploymentLint.Runs(c.Image, reference.Repository))
            : containers;

    /// <summary>A FROM whose variables nothing set: say which --build-arg to pass (CH1005, as for any image lint cannot read).</summary>
    private static Diagnostic UnresolvedBase(DeploymentContainer container, DockerfileStage root)
    {
        var arguments = string.Join(" ", root.UnsetVariables.Select(v => $"--build-arg {v}=..."));
        return new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Error,
            $"The base image of the final stage ('FROM {root.From.Arguments}') uses {string.Join(", ", root.UnsetVariables)}, which no ARG default or --build-arg sets, so its health check was not checked against an image. Pass {arguments}, or --image REF.",
            container.File, container.ImagePosition.Line, container.ImagePosition.Column);
    }

    private void Check(DeploymentContainer container, string imageName, ImageFacts facts)
    {
        var settings = new LintSettings
        {
            ContainerRepository = imageName,
            CheckPath = options.Path ?? HealthCheckDefaults.Path,
            AppPort = options.Port,
            AppPortIsExplicit = options.Port is not null,
        };
        foreach (var diagnostic in DeploymentLint.Check(container, facts, settings))
        {
            if (options.Path is null && diagnostic.Code == DiagnosticCodes.PathMismatch)
            {
                continue;
            }

            var certain = facts.Source == FactsSource.Layers && diagnostic.Code is DiagnosticCodes.ShellMissing or DiagnosticCodes.ProgramMissing;
            diagnostics.Add(certain ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic);
        }
    }
}
