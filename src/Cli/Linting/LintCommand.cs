using System.CommandLine;
using System.Globalization;
using ContainerHealth.Cli.Inspect;
using ContainerHealth.Lint;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// <c>container-health lint FILE... [-f COMPOSE-FILE]... [--image REF] [--platform os/arch] [--port N] [--path /healthz] [--fail-on error|warning|never]
/// [--warnings-as-errors] [--max-file-size MiB] [--format text|sarif] [--build-arg NAME=VALUE]... [--target STAGE]</c>.
/// </summary>
public static class LintCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "ECS task definitions (JSON), CloudFormation templates, Terraform files, compose files, Kubernetes manifests and Dockerfiles.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var composeFiles = new Option<string[]>("--compose-file", "-f") { Description = "A compose file of one project; several are merged in order, as docker compose -f a -f b does.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var image = new Option<string?>("--image") { Description = "The image the files run (registry reference, OCI layout DIR[:REF] or image archive); default: the image each container names." };
        var platform = new Option<string?>("--platform") { Description = "The platform to check in a multi-platform image, e.g. linux/arm64 (default: this machine's)." };
        var port = new Option<string?>("--port") { Description = "The port the app listens on, over what the files declare (default: the file's ASPNETCORE_HTTP_PORTS, its declared ports, the image's settings, else 8080); checks probing another port are CH1004." };
        var path = new Option<string?>("--path") { Description = "The path the health check should probe, e.g. /healthz; checks probing another path are CH1009 (off without it)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 on findings of this severity or worse: error (default; a check that can never pass and an unreadable image are errors), warning, never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 on warnings too (the same as --fail-on warning)." };
        var maxFileSize = new Option<string?>("--max-file-size") { Description = $"The largest deployment file read, in MiB (default {LintLimits.DefaultMaxFileBytes / (1024 * 1024)}); larger files are CH1008." };
        var format = new Option<string>("--format") { Description = "text: file:line:col: severity CODE: message; sarif: SARIF 2.1.0 for CI annotations.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif");
        var buildArguments = new Option<string[]>("--build-arg") { Description = "NAME=VALUE for a Dockerfile's ARG, as docker build --build-arg (repeat it for several).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var target = new Option<string?>("--target") { Description = "The Dockerfile stage the image ends with, as docker build --target (default: the last)." };
        var command = new Command("lint", "Check the health checks of ECS task definitions, CloudFormation and Terraform, compose files, Kubernetes manifests and Dockerfiles against the image they run.")
        {
            files, composeFiles, image, platform, port, path, failOn, warningsAsErrors, maxFileSize, format, buildArguments, target,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var chosenPlatform = parsed.GetValue(platform) is { } platformText ? PlatformName.Parse(platformText) : null;
            var options = new LintOptions
            {
                Platform = chosenPlatform,
                Port = ParsePort(parsed.GetValue(port)),
                Path = ParsePath(parsed.GetValue(path)),
            };
            var input = new LintInput
            {
                Files = parsed.GetValue(files) ?? [],
                ComposeFiles = parsed.GetValue(composeFiles) ?? [],
                Limits = LintLimits.Default with { MaxFileBytes = ParseMaxFileSize(parsed.GetValue(maxFileSize)) },
                Dockerfile = new DockerfileBuildOptions
                {
                    BuildArguments = ParseBuildArguments(parsed.GetValue(buildArguments) ?? []),
                    Target = parsed.GetValue(target),
                    Platform = (chosenPlatform ?? PlatformName.Host()).ToString(),
                },
            };
            var threshold = parsed.GetValue(warningsAsErrors) ? FailOn.Warning : Enum.Parse<FailOn>(parsed.GetRequiredValue(failOn), ignoreCase: true);
            return RunAsync(input, parsed.GetValue(image), options, threshold, parsed.GetRequiredValue(format) == "sarif", cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(LintInput input, string? image, LintOptions options, FailOn threshold, bool sarif, CancellationToken cancellationToken)
    {
        if (input.Files.Count == 0 && input.ComposeFiles.Count == 0)
        {
            throw new UsageException("name the files to lint, e.g. container-health lint task-definition.json, or compose files with -f");
        }

        foreach (var file in input.Files.Concat(input.ComposeFiles).Where(f => !File.Exists(f) && !Directory.Exists(f)))
        {
            throw new UsageException($"{file}: no such file");
        }

        var result = await LintRun.RunAsync(input, new CommandLineLintTargets(options, image), cancellationToken);
        foreach (var message in result.Messages)
        {
            Console.Error.WriteLine("container-health: " + message);
        }

        var diagnostics = result.Diagnostics;

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

        return threshold.Fails(diagnostics) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static int? ParsePort(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port
        : throw new UsageException($"--port '{text}' is not a port; give a whole number from 1 to 65535, e.g. --port 8080");

    private static string? ParsePath(string? text) =>
        text is null || text.StartsWith('/') ? text
        : throw new UsageException($"--path '{text}' is not an absolute URL path; start it with /, e.g. --path /{text.TrimStart('.', '/')}");

    private static Dictionary<string, string> ParseBuildArguments(string[] arguments)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // docker build takes a bare NAME from the environment; so does lint.
                parsed[argument.TrimEnd('=')] = equals == 0 || Environment.GetEnvironmentVariable(argument) is not { } value
                    ? throw new UsageException($"--build-arg '{argument}' is not NAME=VALUE (and no environment variable {argument} is set); write e.g. --build-arg TAG=10.0")
                    : value;
                continue;
            }

            parsed[argument[..equals]] = argument[(equals + 1)..];
        }

        return parsed;
    }

    private static long ParseMaxFileSize(string? text) =>
        text is null ? LintLimits.DefaultMaxFileBytes
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mebibytes) && mebibytes is >= 1 and <= 4096 ? mebibytes * 1024L * 1024
        : throw new UsageException($"--max-file-size '{text}' is not a size; give a whole number of MiB from 1 to 4096, e.g. --max-file-size 16");
}
