using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Lint;

/// <summary>
/// Compute-only: lints the deployment files (explicit ContainerHealthCheckManifest items plus, unless turned off, those
/// found from the project directory up to the repository root) against each RID's saved decision — its HEALTHCHECK,
/// port, path and protocol, and the base-image facts that decision read — and the project's own check against the same
/// facts. A Dockerfile is checked against its own base image, which it reads (registry). Reads files, writes nothing.
/// </summary>
public sealed class LintDeploymentFiles : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly TaskCancellation cancellation = new();

    public ITaskItem[] Manifests { get; set; } = [];

    public bool Discover { get; set; } = true;

    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The decision records of this publish's runtime identifiers (<see cref="HealthCheckDecisionRecord"/>); missing files are skipped.</summary>
    public ITaskItem[] DecisionFiles { get; set; } = [];

    public string CacheDirectory { get; set; } = "";

    [Required]
    public string ContainerRepository { get; set; } = "";

    /// <summary>ContainerHealthLintMaxFileSize: the largest deployment file read, in MiB (default 16).</summary>
    public string MaxFileSize { get; set; } = "";

    [Output]
    public ITaskItem[] LintedFiles { get; private set; } = [];

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var cache = new InspectionCache(CacheDirectory.Length == 0 ? InspectionCache.DefaultDirectory() : CacheDirectory);
        var decisions = DecisionFiles.Select(f => HealthCheckDecisionFile.Read(f.ItemSpec)).OfType<HealthCheckDecisionRecord>().ToList();
        // Each RID is linted with its own decision and its own base image; the findings they share are said once.
        var runs = decisions.Select(d => (Decision: (HealthCheckDecisionRecord?)d, Settings: Settings(d), Facts: Facts(d, cache))).ToList();
        if (runs.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "ContainerHealth: no health-check decision was made in this publish; deployment files are checked for syntax, ranges, ports and paths only");
            runs.Add((null, new LintSettings { ContainerRepository = ContainerRepository }, null));
        }
        else if (runs.All(r => r.Facts is null))
        {
            Log.LogMessage(MessageImportance.Low, "ContainerHealth: the base image was not inspected; deployment files are checked for syntax, ranges, ports and paths only");
        }

        var seen = new HashSet<ContainerHealth.Diagnostics.Diagnostic>();
        foreach (var (decision, settings, imageFacts) in runs)
        {
            if (decision is null || imageFacts is null)
            {
                continue;
            }

            foreach (var diagnostic in ProjectHealthCheckRules.Check(imageFacts, decision.ProbeEnabled, decision.Command, ProjectFile, settings).DistinctBy(d => d.Code))
            {
                if (seen.Add(diagnostic with { Message = diagnostic.Code }))
                {
                    Log.Log(diagnostic, ProjectFile);
                }
            }
        }

        var files = Manifests.Select(m => Path.GetFullPath(m.GetMetadata("FullPath") is { Length: > 0 } full ? full : m.ItemSpec)).ToList();
        foreach (var missing in files.Where(f => !File.Exists(f)))
        {
            Log.Log(new ContainerHealth.Diagnostics.Diagnostic(
                ContainerHealth.Diagnostics.DiagnosticCodes.MalformedDeploymentFile,
                ContainerHealth.Diagnostics.DiagnosticSeverity.Error,
                $"ContainerHealthCheckManifest names {missing}, which does not exist. Fix the path or remove the item."), ProjectFile);
        }

        files = files.Where(File.Exists).ToList();
        if (Discover)
        {
            files.AddRange(DeploymentFileDiscovery.Find(ProjectDirectory));
        }

        if (Limits() is not { } limits)
        {
            return false;
        }

        var said = new HashSet<ContainerHealth.Diagnostics.Diagnostic>();
        var saidMessages = new HashSet<string>(StringComparer.Ordinal);
        using var run = cancellation.Start();
        using var dockerfileBases = new DockerfileBaseInspections(cache, message => Log.LogMessage(MessageImportance.Low, "ContainerHealth: " + message), run.Token);
        foreach (var (_, settings, imageFacts) in runs)
        {
            LintResult result;
            try
            {
                result = System.Threading.Tasks.Task.Run(() => DeploymentLint.Run(files, imageFacts is null ? [] : [imageFacts], settings, limits, dockerfileBases.InspectAsync)).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            foreach (var diagnostic in result.Diagnostics.Where(said.Add))
            {
                Log.Log(diagnostic);
            }

            foreach (var message in result.Messages.Where(saidMessages.Add))
            {
                Log.LogMessage(MessageImportance.Low, "ContainerHealth: " + message);
            }
        }

        LintedFiles = files.Distinct().Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f)).ToArray();
        return !Log.HasLoggedErrors;
    }

    private LintLimits? Limits()
    {
        if (MaxFileSize.Length == 0)
        {
            return LintLimits.Default;
        }

        if (int.TryParse(MaxFileSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mebibytes) && mebibytes is >= 1 and <= 4096)
        {
            return LintLimits.Default with { MaxFileBytes = mebibytes * 1024L * 1024 };
        }

        Log.Log(new ContainerHealth.Diagnostics.Diagnostic(
            ContainerHealth.Diagnostics.DiagnosticCodes.InvalidValue,
            ContainerHealth.Diagnostics.DiagnosticSeverity.Error,
            $"ContainerHealthLintMaxFileSize is '{MaxFileSize}'; it must be a whole number of MiB from 1 to 4096, e.g. 16."), ProjectFile);
        return null;
    }

    /// <summary>What lint compares deployment files with: the decision as the HEALTHCHECK has it, not the raw properties.</summary>
    private LintSettings Settings(HealthCheckDecisionRecord decision) => new()
    {
        ContainerRepository = ContainerRepository,
        CheckPath = decision.Path,
        Protocol = decision.ProbeProtocol,
        PortOverride = decision.PortOverridesEnvironment ? AppPorts.Explicit(decision.Port) : null,
        PortFallback = AppPorts.OfProject(decision.Port),
        ProbeEnabled = decision.ProbeEnabled,
        ProbePath = decision.ProbePathInImage,
        WorkingDirectory = decision.WorkingDirectory,
    };

    /// <summary>The base-image facts this RID's decision read (written by this publish's inspection), with the cached file list when there is one.</summary>
    private static ImageFacts? Facts(HealthCheckDecisionRecord decision, InspectionCache cache) =>
        decision.FactsFile.Length == 0 || FactsFileWriter.Read(decision.FactsFile) is not { } facts ? null
        : facts.ManifestDigest is { } digest && cache.TryLoad(digest) is { } withFiles ? withFiles with { Image = facts.Image }
        : facts;
}
