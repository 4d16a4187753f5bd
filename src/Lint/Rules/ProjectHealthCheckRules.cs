using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>
/// The project's own settings against the base image: a shell-form ContainerHealthCheckCommand without a shell (CH1001),
/// an exec-form one whose program is missing (CH1002), and no way at all to check the image (CH1003).
/// </summary>
public static class ProjectHealthCheckRules
{
    public static IEnumerable<Diagnostic> Check(ImageFacts facts, bool probeEnabled, string? healthCheckCommand, string projectFile, LintSettings settings)
    {
        if (facts.Source == FactsSource.Unknown)
        {
            yield break;
        }

        var image = facts.Source == FactsSource.Name ? $"{facts.Image} (judged by name)" : facts.Image;
        IReadOnlyList<string> test = [];
        var hasCommand = !string.IsNullOrWhiteSpace(healthCheckCommand) && HealthCheckCommand.TryParse(healthCheckCommand, out test);
        var command = hasCommand ? CheckCommand.FromDockerTest(test) : null;
        if (command is { NeedsShell: true } && facts.HasShell == false)
        {
            yield return new Diagnostic(DiagnosticCodes.ShellMissing, DiagnosticSeverity.Warning,
                $"ContainerHealthCheckCommand is a shell command ('{healthCheckCommand}'), but the base image {image} has no /bin/sh, so the check can never pass. Use the exec form 'CMD;<program>;<arg>;...', or remove it to use the probe.",
                projectFile);
        }

        if (command is { Program: { } program } && !program.StartsWith(settings.WorkingDirectory.TrimEnd('/') + "/", StringComparison.Ordinal)
            && facts.HasProgram(program) == false)
        {
            yield return new Diagnostic(DiagnosticCodes.ProgramMissing, DiagnosticSeverity.Warning,
                $"ContainerHealthCheckCommand runs '{program}', which the base image {image} does not have, so the check can never pass. Remove ContainerHealthCheckCommand to use the probe, or run a program the image has.",
                projectFile);
        }

        if (facts.HasShell == false && !probeEnabled && command is null or { NeedsShell: true })
        {
            yield return new Diagnostic(DiagnosticCodes.ImageCannotBeChecked, DiagnosticSeverity.Warning,
                $"The base image {image} has no shell, ContainerHealthProbe is false and ContainerHealthCheckCommand is not an exec-form command: this image cannot be health-checked. Set ContainerHealthProbe=true, or set an exec-form ContainerHealthCheckCommand such as 'CMD;/app/mycheck'.",
                projectFile);
        }
    }
}
