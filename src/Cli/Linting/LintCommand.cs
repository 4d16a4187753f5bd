using System.CommandLine;
using ContainerHealth.Cli.Inspect;
using ContainerHealth.Diagnostics;

namespace ContainerHealth.Cli.Linting;

/// <summary><c>container-health lint FILE... [--image REF] [--platform os/arch] [--port N] [--path /healthz] [--warnings-as-errors] [--format text|sarif]</c>.</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "ECS task definitions (JSON), compose files and Kubernetes manifests (YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var image = new Option<string?>("--image") { Description = "The image the files run (registry reference, OCI layout DIR[:REF] or image archive); default: the image each container names." };
        var platform = new Option<string?>("--platform") { Description = "The platform to check in a multi-platform image, e.g. linux/arm64 (default: this machine's)." };
        var port = new Option<int?>("--port") { Description = "The port the app listens on (default: the file's or the image's ASPNETCORE_HTTP_PORTS, EXPOSE, else 8080); checks probing another port are CH1004." };
        var path = new Option<string?>("--path") { Description = "The path the health check should probe, e.g. /healthz; checks probing another path are CH1009 (off without it)." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 on warnings too." };
        var format = new Option<string>("--format") { Description = "text: file:line:col: severity CODE: message; sarif: SARIF 2.1.0 for CI annotations.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif");
        var command = new Command("lint", "Check the health checks of ECS task definitions, compose files and Kubernetes manifests against the image they run.")
        {
            files, image, platform, port, path, warningsAsErrors, format,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(files), parsed.GetValue(image), parsed.GetValue(platform), parsed.GetValue(port), parsed.GetValue(path),
            parsed.GetValue(warningsAsErrors), parsed.GetRequiredValue(format) == "sarif", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] files, string? image, string? platformText, int? port, string? path, bool warningsAsErrors, bool sarif, CancellationToken cancellationToken)
    {
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new UsageException($"{file}: no such file");
        }

        var platform = platformText is null ? null : PlatformName.Parse(platformText);
        var run = new LintRun(platform, port, path, message => Console.Error.WriteLine("container-health: " + message));
        var diagnostics = await run.RunAsync(files, image, cancellationToken);

        if (sarif)
        {
            using var stdout = Console.OpenStandardOutput();
            SarifLog.Write(stdout, diagnostics, Environment.CurrentDirectory);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            foreach (var diagnostic in diagnostics)
            {
                Console.Out.WriteLine(DiagnosticText.Format(diagnostic));
            }
        }

        var failing = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || (warningsAsErrors && d.Severity == DiagnosticSeverity.Warning));
        return failing ? ExitCodes.Findings : ExitCodes.Success;
    }
}
