using System.CommandLine;
using ContainerHealth.Cli.Inspect;
using ContainerHealth.Cli.Linting;
using ContainerHealth.Verify;

namespace ContainerHealth.Cli.Verifying;

/// <summary>
/// <c>container-health verify IMAGE [FILE...] [-f COMPOSE-FILE]... [--env NAME=VALUE]... [--env-file FILE]... [--network NAME]
/// [--timeout 60s] [--engine docker|podman] [--platform os/arch] [--fail-on error|warning|never] [--format text|sarif]</c>.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "The image to run: a name in the local engine, a registry reference, or an image archive (docker save, or an OCI layout tarball)." };
        var files = new Argument<string[]>("files")
        {
            Description = "Deployment files whose checks to run against the image (ECS task definitions, CloudFormation, Terraform, compose, Kubernetes); without any, the image's own HEALTHCHECK.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var composeFiles = new Option<string[]>("--compose-file", "-f") { Description = "A compose file of one project; several are merged in order, as docker compose -f a -f b does.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var environment = new Option<string[]>("--env", "-e") { Description = "NAME=VALUE for the container, over what the file says (e.g. a setting the app needs to start).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var environmentFiles = new Option<string[]>("--env-file") { Description = "A file of NAME=VALUE lines for the container, as docker run --env-file reads it.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var network = new Option<string>("--network") { Description = "The container's network (default none: loopback only, so the check cannot reach anything else).", DefaultValueFactory = _ => "none" };
        var timeout = new Option<string?>("--timeout") { Description = "The longest wait for a verdict per check, e.g. 90s or 2m (default 60s)." };
        var engine = new Option<string?>("--engine") { Description = "docker or podman (default: whichever answers, Docker first)." };
        engine.AcceptOnlyFromAmong("docker", "podman");
        var platform = new Option<string?>("--platform") { Description = "The platform to run from a multi-platform image, e.g. linux/amd64 (default: the engine's own)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 on findings of this severity or worse: error (default: a check that did not pass, an image that could not run), warning (also: a check that could not be run here), never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var format = new Option<string>("--format") { Description = "text: file:line:col: severity CODE: message; sarif: SARIF 2.1.0 for CI annotations.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif");
        var command = new Command("verify", "Run an image under the local Docker or Podman engine with its own HEALTHCHECK, or with the health checks of deployment files, and report the engine's verdict.")
        {
            image, files, composeFiles, environment, environmentFiles, network, timeout, engine, platform, failOn, format,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var request = new VerifyRequest(
                parsed.GetRequiredValue(image),
                parsed.GetValue(files) ?? [],
                parsed.GetValue(composeFiles) ?? [],
                parsed.GetValue(engine),
                parsed.GetValue(platform) is { } platformText ? PlatformName.Parse(platformText).ToString() : null,
                new VerifyOptions
                {
                    Environment = [.. (parsed.GetValue(environmentFiles) ?? []).SelectMany(ReadEnvironmentFile), .. (parsed.GetValue(environment) ?? []).Select(CheckVariable)],
                    Network = parsed.GetRequiredValue(network),
                    Timeout = ParseTimeout(parsed.GetValue(timeout)),
                });
            var threshold = Enum.Parse<FailOn>(parsed.GetRequiredValue(failOn), ignoreCase: true);
            return new VerifyRun(request, parsed.GetRequiredValue(format) == "sarif").RunAsync(threshold, cancellationToken);
        });
        return command;
    }

    private static TimeSpan ParseTimeout(string? text) =>
        text is null ? VerifyOptions.DefaultTimeout
        : VerifyOptions.TryParseTimeout(text, out var timeout) ? timeout
        : throw new UsageException($"--timeout '{text}' is not a duration; write e.g. --timeout 90s or --timeout 2m");

    private static string CheckVariable(string variable) =>
        variable.IndexOf('=', StringComparison.Ordinal) > 0 ? variable
        : throw new UsageException($"--env '{variable}' is not NAME=VALUE; write e.g. --env ConnectionStrings__Main=...");

    private static IEnumerable<string> ReadEnvironmentFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"--env-file {file}: no such file");
        }

        return File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Contains('=', StringComparison.Ordinal) ? l : l + "=" + Environment.GetEnvironmentVariable(l))
            .ToList();
    }
}
