using ContainerHealth.Cli.Inspect;
using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// Reads the deployment files with the library, inspects the image each container runs (or the one <c>--image</c> names,
/// once), and applies the library's health-check rules to every check. Without <c>--path</c> there is no expected path,
/// so CH1009 is off; the app's port comes from <c>--port</c>, the file, or the image's ASPNETCORE_HTTP_PORTS / EXPOSE.
/// </summary>
public sealed class LintRun(Platform? platform, int? port, string? path, Action<string> note)
{
    private readonly Dictionary<string, ImageFacts?> inspected = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> diagnostics = [];

    public async Task<IReadOnlyList<Diagnostic>> RunAsync(IReadOnlyList<string> files, string? image, CancellationToken cancellationToken)
    {
        var read = files.Distinct(StringComparer.Ordinal).Select(file => DeploymentLint.Read(file, LintLimits.Default)).ToList();
        diagnostics.AddRange(read.SelectMany(r => r.Diagnostics));
        var containers = read.SelectMany(r => r.Containers).ToList();

        // --image names the image the files run: containers naming its repository, or every container when none does
        // (the files name the pushed image, e.g. an ECR URL, and --image the same image elsewhere).
        var targets = image is null ? containers
            : ImageReference.TryParse(image, out var reference) && containers.Any(c => DeploymentLint.Runs(c.Image, reference.Repository))
                ? containers.Where(c => DeploymentLint.Runs(c.Image, reference.Repository)).ToList()
                : containers;

        foreach (var container in targets)
        {
            var imageName = image ?? container.Image;
            if (string.IsNullOrWhiteSpace(imageName) || imageName.Contains("${", StringComparison.Ordinal))
            {
                note($"{container.File}: container '{container.Name}' names no image that can be read ({container.Image ?? "none"}); pass --image to check it");
                continue;
            }

            if (await InspectAsync(imageName, cancellationToken) is not { } facts)
            {
                continue;
            }

            var settings = new LintSettings
            {
                ContainerRepository = imageName,
                CheckPath = path ?? HealthCheckDefaults.Path,
                AppPort = port ?? ImagePort(facts) ?? HealthCheckDefaults.Port,
            };
            foreach (var check in container.Checks)
            {
                diagnostics.AddRange(HealthCheckRules.Check(container, check, facts, settings).Where(d => path is not null || d.Code != DiagnosticCodes.PathMismatch));
            }
        }

        if (containers.Count == 0 && diagnostics.Count == 0)
        {
            note("no container with a health check or probe was found in the files; nothing to lint");
        }

        return diagnostics.DistinctBy(d => (d.Code, d.File, d.Line, d.Column, d.Message)).ToList();
    }

    private async Task<ImageFacts?> InspectAsync(string image, CancellationToken cancellationToken)
    {
        if (!inspected.TryGetValue(image, out var facts))
        {
            ImageInspectionResult result;
            try
            {
                result = await InspectCommand.InspectAsync(image, platform, useCache: true, cancellationToken);
            }
            catch (UsageException e)
            {
                result = new ImageInspectionResult(
                    new ImageFacts { Image = image, Platform = platform?.ToString() ?? "", Source = FactsSource.Unknown },
                    [],
                    new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Warning, $"The image {image} could not be inspected: {e.Message}. Checks that need the image's contents are skipped."));
            }

            if (result.Warning is { } warning)
            {
                diagnostics.Add(warning);
            }

            facts = result.Facts.Source == FactsSource.Unknown ? null : result.Facts;
            inspected[image] = facts;
        }

        return facts;
    }

    private static int? ImagePort(ImageFacts facts)
    {
        foreach (var setting in PortSettings.From(facts.Environment))
        {
            var (name, value) = (setting.Split('=', 2)[0], setting.Split('=', 2)[1]);
            if (name == "ASPNETCORE_HTTP_PORTS" && int.TryParse(value.Split([',', ';'])[0], out var httpPort))
            {
                return httpPort;
            }
        }

        return facts.ExposedPorts.Select(p => int.TryParse(p.Split('/')[0], out var exposed) ? exposed : (int?)null).FirstOrDefault(p => p is not null);
    }
}
