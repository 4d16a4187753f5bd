using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>CH1001, CH1002, CH1004 and CH1009 for one check of the container that runs this image, against the base image's facts.</summary>
public static class HealthCheckRules
{
    public static IEnumerable<Diagnostic> Check(DeploymentContainer container, DeploymentCheck check, ImageFacts facts, LintSettings settings)
    {
        var where = $"The {check.Description} of container '{container.Name}'";
        var image = facts.Source == FactsSource.Name ? $"{facts.Image} (judged by name)" : facts.Image;
        var probe = "[" + string.Join(", ", new[] { "CMD", settings.ProbePath }.Concat(HealthCheckCommand.ProbeLine(settings.Protocol, settings.CheckPath, pinnedPort: null).ToArguments()).Select(a => $"\"{a}\"")) + "]";
        var command = check.Command;
        if (command is not null && facts.Source != FactsSource.Unknown)
        {
            // An exec-form bash -c needs bash, not /bin/sh: that is the CH1002 below.
            var built = container.Dockerfile;
            var nor = built is null ? "" : " and the Dockerfile does not add";
            if (built?.Shell is [var imageShell, ..] && command.NeedsShell && command.Interpreter is null)
            {
                // Docker runs a shell-form check with the image's SHELL, not /bin/sh.
                if (Has(imageShell, facts, built) == false)
                {
                    yield return Warn(DiagnosticCodes.ProgramMissing, check, container,
                        $"{where} runs through the Dockerfile's SHELL '{imageShell}', which the base image {image} does not have{nor}, so the check can never pass. Use the exec form with the probe: {probe}.");
                }
            }
            else if (command.NeedsShell && command.Interpreter is null && facts.HasShell == false && built?.Changes.AddsShell != true)
            {
                yield return Warn(DiagnosticCodes.ShellMissing, check, container,
                    $"{where} runs through a shell ('{Shorten(command.Text)}'), but the base image {image} has no /bin/sh{(built is null ? "" : " and no RUN of the Dockerfile proves one")}, so the check can never pass. Use the exec form with the probe: {probe}.");
            }

            if (command.Interpreter is { } shell && Has(shell, facts, built) == false)
            {
                yield return Warn(DiagnosticCodes.ProgramMissing, check, container,
                    $"{where} runs its script with '{shell}', which the base image {image} does not have{nor}, so the check can never pass. Use the probe instead: {probe}.");
            }

            if (command.Program is { } program && !IsFromPublishOutput(program, settings) && !IsMounted(program, container) && Has(program, facts, built) == false)
            {
                yield return Warn(DiagnosticCodes.ProgramMissing, check, container,
                    $"{where} runs '{program}', which the base image {image} does not have{nor}, so the check can never pass. Use the probe instead: {probe}.");
            }
        }

        if (command?.ProbeReading is { Problem: not null } refused)
        {
            yield return Warn(DiagnosticCodes.InvalidValue, check, container,
                $"{where} runs the probe with '{Shorten(string.Join(' ', command.ProbeArguments!))}', which it refuses ('unhealthy: {refused.ProbeAnswer}'), so the check can never pass. Use {probe}, with --port N if the app listens elsewhere.");
        }

        var port = check.HttpPort ?? command?.Port;
        var appPorts = AppPorts.For(container, settings);
        if (port is { } checkedPort && !appPorts.Contains(checkedPort))
        {
            var listening = string.Join(" or ", appPorts.Ports);
            var at = check.PortPosition ?? new FilePosition(check.Line, check.Column);
            yield return new Diagnostic(DiagnosticCodes.PortMismatch, DiagnosticSeverity.Warning,
                $"{where} probes port {checkedPort}, but the app listens on {listening} ({appPorts.Source}). Probe port {appPorts.Ports[0]}, or make the app listen on {checkedPort} (ASPNETCORE_HTTP_PORTS={checkedPort}).",
                check.File ?? container.File, at.Line, at.Column);
        }

        var path = check.HttpPath ?? command?.Path;
        if (path is not null && settings.Protocol == HealthCheckProtocol.Http && !string.Equals(path, settings.CheckPath, StringComparison.Ordinal))
        {
            yield return Warn(DiagnosticCodes.PathMismatch, check, container,
                $"{where} probes {path}, but ContainerHealthCheckPath is {settings.CheckPath}. Probe {settings.CheckPath}, or set ContainerHealthCheckPath to {path}.");
        }
    }

    /// <summary>What a Dockerfile adds decides first; what it leaves alone, the base image.</summary>
    private static bool? Has(string program, ImageFacts facts, DockerfileImage? built) =>
        built?.Changes.Of(program, built.WorkingDirectory) switch
        {
            ProgramChange.Added => true,
            ProgramChange.Unknown => null,
            _ => facts.HasProgram(program),
        };

    private static bool IsFromPublishOutput(string program, LintSettings settings) =>
        (settings.ProbeEnabled && (program == settings.ProbePath || program == HealthCheckDefaults.ProbeFileName || program.EndsWith("/" + HealthCheckDefaults.ProbeFileName, StringComparison.Ordinal)))
        || program.StartsWith(settings.WorkingDirectory.TrimEnd('/') + "/", StringComparison.Ordinal)
        || program.StartsWith("./", StringComparison.Ordinal);

    /// <summary>A program under a volume, bind mount, ConfigMap or Secret mount comes from outside the image: unknown, not missing.</summary>
    private static bool IsMounted(string program, DeploymentContainer container) =>
        program.StartsWith('/') && container.MountPaths.Any(mount => program.StartsWith(mount.TrimEnd('/') + "/", StringComparison.Ordinal));

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private static Diagnostic Warn(string code, DeploymentCheck check, DeploymentContainer container, string message) =>
        new(code, DiagnosticSeverity.Warning, message, check.File ?? container.File, check.Line, check.Column);
}
