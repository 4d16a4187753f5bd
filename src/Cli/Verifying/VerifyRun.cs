using ContainerHealth.Cli.Linting;
using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using ContainerHealth.Verify;

namespace ContainerHealth.Cli.Verifying;

/// <summary>
/// Brings the image into the engine once, then runs it once per check: its own HEALTHCHECK, or each check of the
/// containers in the files that run it (read by lint's readers), mapped as the platform maps it. A healthy check is one
/// line; one that did not pass is CH1014 at the check's line with the evidence; a check that cannot run here (a kubelet
/// probe) or an image that cannot run is CH1015 — never a pass.
/// </summary>
public sealed class VerifyRun(VerifyRequest request, bool sarif)
{
    private readonly List<Diagnostic> diagnostics = [];

    private TextWriter Progress => sarif ? Console.Error : Console.Out;

    public async Task<int> RunAsync(FailOn threshold, CancellationToken cancellationToken)
    {
        foreach (var file in request.Files.Concat(request.ComposeFiles).Where(f => !File.Exists(f) && !Directory.Exists(f)))
        {
            throw new UsageException($"{file}: no such file");
        }

        var checks = ReadChecks();
        if (checks is { Count: 0 })
        {
            Console.Error.WriteLine("container-health: no container in the files has a health check or probe; nothing to verify");
        }
        else
        {
            await VerifyAsync(checks, cancellationToken);
        }

        if (sarif)
        {
            using var stdout = Console.OpenStandardOutput();
            SarifLog.Write(stdout, diagnostics, Environment.CurrentDirectory);
            stdout.WriteByte((byte)'\n');
        }

        return threshold.Fails(diagnostics) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Null: the image's own HEALTHCHECK. Otherwise every check of the containers that run the image.</summary>
    private List<(DeploymentContainer Container, DeploymentCheck Check)>? ReadChecks()
    {
        if (request.Files.Count == 0 && request.ComposeFiles.Count == 0)
        {
            return null;
        }

        var read = DeploymentLint.Plan(request.Files).Select(file => DeploymentLint.Read(file, LintLimits.Default)).ToList();
        if (request.ComposeFiles.Count > 0)
        {
            read.Add(ComposeFileReader.Read(request.ComposeFiles, null, LintLimits.Default));
        }

        Report(read.SelectMany(r => r.Diagnostics));
        foreach (var note in read.SelectMany(r => r.Notes))
        {
            Console.Error.WriteLine("container-health: " + note);
        }

        var containers = read.SelectMany(r => r.Containers).ToList();
        return CommandLineLintTargets.Targets(containers, request.Image).SelectMany(c => c.Checks.Select(check => (c, check))).ToList();
    }

    private async Task VerifyAsync(List<(DeploymentContainer Container, DeploymentCheck Check)>? checks, CancellationToken cancellationToken)
    {
        try
        {
            var engine = await VerifySession.FindEngineAsync(request.Engine, cancellationToken);
            await using var session = await VerifySession.OpenAsync(engine, request.Image, ImageLocation.Any, request.Platform, cancellationToken);
            if (checks is null)
            {
                Report(await session.VerifyAsync(VerifyCheck.ImageOwn, request.Options, cancellationToken), "HEALTHCHECK", null, 0, 0);
                return;
            }

            foreach (var (container, check) in checks)
            {
                var file = check.File ?? container.File;
                if (check.Run is not { } run)
                {
                    Report([new Diagnostic(DiagnosticCodes.VerifyCouldNotRun, DiagnosticSeverity.Warning,
                        $"The {check.Description} of container '{container.Name}' was not run: the kubelet sends it from outside the container, over the pod's network, which verify does not create (the container runs with --network {request.Options.Network}). Check it in a cluster, or add an exec probe that runs a program in the image (e.g. /app/healthprobe).",
                        file, check.Line, check.Column)]);
                    continue;
                }

                var options = request.Options with { Environment = [.. KnownValues(container.Environment), .. request.Options.Environment] };
                var outcome = await session.VerifyAsync(new VerifyCheck(run.Test, run.Timeout, run.Retries), options, cancellationToken);
                Report(outcome, check.Description, file, check.Line, check.Column);
            }
        }
        catch (ImageUnavailableException e)
        {
            Report([VerifyReport.CouldNotRun(request.Image, e.Message)]);
        }
    }

    private void Report(VerifyOutcome outcome, string check, string? file, int line, int column)
    {
        if (outcome.IsHealthy)
        {
            var place = file is null ? "" : $"{file}:{line}:{column}: ";
            Progress.WriteLine(place + VerifyReport.HealthyLine(request.Image, outcome) + (file is null ? "" : $" under the {check}"));
            return;
        }

        Report([VerifyReport.NotHealthy(request.Image, check, outcome, file, line, column)]);
        foreach (var detail in VerifyReport.Details(outcome))
        {
            Progress.WriteLine(detail);
        }
    }

    private void Report(IEnumerable<Diagnostic> found)
    {
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
            if (!sarif)
            {
                Console.Out.WriteLine(DiagnosticText.Format(diagnostic));
            }
        }
    }

    /// <summary>The file's environment, without values only the platform fills in (<c>${VAR}</c>, a computed value).</summary>
    private static IEnumerable<string> KnownValues(IReadOnlyDictionary<string, string> environment) =>
        environment.Where(v => !v.Value.Contains("${", StringComparison.Ordinal)).Select(v => v.Key + "=" + v.Value);
}
