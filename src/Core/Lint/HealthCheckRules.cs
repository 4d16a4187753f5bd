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
        var probe = "[" + string.Join(", ", new[] { "CMD", settings.ProbePath }.Concat(HealthCheckProtocolChoice.ProbeArguments(settings.Protocol, settings.CheckPath)).Select(a => $"\"{a}\"")) + "]";
        var command = check.Command;
        if (command is not null && facts.Source != FactsSource.Unknown)
        {
            if (command.NeedsShell && facts.HasShell == false)
            {
                yield return Warn(DiagnosticCodes.ShellMissing, check, container,
                    $"{where} runs through a shell ('{Shorten(command.Text)}'), but the base image {image} has no /bin/sh, so the check can never pass. Use the exec form with the probe: {probe}.");
            }

            if (command.Program is { } program && !IsFromPublishOutput(program, settings) && facts.HasProgram(program) == false)
            {
                yield return Warn(DiagnosticCodes.ProgramMissing, check, container,
                    $"{where} runs '{program}', which the base image {image} does not have, so the check can never pass. Use the probe instead: {probe}.");
            }
        }

        var port = check.HttpPort ?? command?.Port;
        var appPort = AppPort(container) ?? settings.AppPort;
        if (port is { } checkedPort && checkedPort != appPort)
        {
            yield return Warn(DiagnosticCodes.PortMismatch, check, container,
                $"{where} probes port {checkedPort}, but the app listens on {appPort}. Probe port {appPort}, or set ASPNETCORE_HTTP_PORTS={checkedPort} for the container.");
        }

        var path = check.HttpPath ?? command?.Path;
        if (path is not null && settings.Protocol == HealthCheckProtocol.Http && !string.Equals(path, settings.CheckPath, StringComparison.Ordinal))
        {
            yield return Warn(DiagnosticCodes.PathMismatch, check, container,
                $"{where} probes {path}, but ContainerHealthCheckPath is {settings.CheckPath}. Probe {settings.CheckPath}, or set ContainerHealthCheckPath to {path}.");
        }
    }

    /// <summary>The port the deployment file makes the app listen on (ASPNETCORE_HTTP_PORTS, ASPNETCORE_URLS), if it says.</summary>
    private static int? AppPort(DeploymentContainer container)
    {
        if (container.Environment.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports))
        {
            foreach (var text in ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(text, out var port))
                {
                    return port;
                }
            }
        }

        if (container.Environment.TryGetValue("ASPNETCORE_URLS", out var urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = url.LastIndexOf(':');
                if (colon > 0 && int.TryParse(url[(colon + 1)..].TrimEnd('/'), out var port))
                {
                    return port;
                }
            }
        }

        return null;
    }

    private static bool IsFromPublishOutput(string program, LintSettings settings) =>
        (settings.ProbeEnabled && (program == settings.ProbePath || program == HealthCheckDefaults.ProbeFileName || program.EndsWith("/" + HealthCheckDefaults.ProbeFileName, StringComparison.Ordinal)))
        || program.StartsWith(settings.WorkingDirectory.TrimEnd('/') + "/", StringComparison.Ordinal)
        || program.StartsWith("./", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static Diagnostic Warn(string code, DeploymentCheck check, DeploymentContainer container, string message) =>
        new(code, DiagnosticSeverity.Warning, message, container.File, check.Line, check.Column);
}
