using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.Lint;

/// <summary>
/// Compute-only: lints the deployment files (explicit ContainerHealthCheckManifest items plus, unless turned off, those
/// found from the project directory up to the repository root) against the base image facts of every RID, and the
/// project's own health-check settings against the same facts. Reads files, writes nothing.
/// </summary>
public sealed class LintDeploymentFiles : Microsoft.Build.Utilities.Task
{
    public ITaskItem[] Manifests { get; set; } = [];

    public bool Discover { get; set; } = true;

    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The facts JSON files the inspection wrote, one per RID; missing files are skipped.</summary>
    public ITaskItem[] FactsFiles { get; set; } = [];

    public string CacheDirectory { get; set; } = "";

    [Required]
    public string ContainerRepository { get; set; } = "";

    public string CheckPath { get; set; } = "";

    /// <summary>ContainerHealthCheckProtocol, whether the project set ContainerHealthCheckPath, and its PackageReference
    /// items: the protocol is decided from them as the HEALTHCHECK's is (a multi-RID publish lints in the outer build).</summary>
    public string Protocol { get; set; } = "";

    public bool PathSetByProject { get; set; }

    public ITaskItem[] PackageReferences { get; set; } = [];

    /// <summary>ContainerHealthCheckPort as the project set it (empty: derived the same way the HEALTHCHECK's port is).</summary>
    public string Port { get; set; } = "";

    public string Probe { get; set; } = "true";

    public string ProbePath { get; set; } = "";

    public string HealthCheckCommand { get; set; } = "";

    public string WorkingDirectory { get; set; } = "";

    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];

    public ITaskItem[] ContainerPorts { get; set; } = [];

    /// <summary>ContainerHealthLintMaxFileSize: the largest deployment file read, in MiB (default 16).</summary>
    public string MaxFileSize { get; set; } = "";

    [Output]
    public ITaskItem[] LintedFiles { get; private set; } = [];

    public override bool Execute()
    {
        var cache = new InspectionCache(CacheDirectory.Length == 0 ? InspectionCache.DefaultDirectory() : CacheDirectory);
        var facts = FactsFiles
            .Select(f => FactsFileWriter.Read(f.ItemSpec))
            .OfType<ImageFacts>()
            .Select(f => f.ManifestDigest is { } digest && cache.TryLoad(digest) is { } withFiles ? withFiles with { Image = f.Image } : f)
            .ToList();
        if (facts.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "ContainerHealth: the base image was not inspected; deployment files are checked for syntax, ranges, ports and paths only");
        }

        var settings = Settings(facts);
        var probeEnabled = !string.Equals(Probe, "false", StringComparison.OrdinalIgnoreCase);
        foreach (var imageFacts in facts)
        {
            foreach (var diagnostic in ProjectHealthCheckRules.Check(imageFacts, probeEnabled, HealthCheckCommand, ProjectFile, settings).DistinctBy(d => d.Code))
            {
                Log.Log(diagnostic, ProjectFile);
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

        var result = DeploymentLint.Run(files, facts, settings, limits);
        foreach (var diagnostic in result.Diagnostics)
        {
            Log.Log(diagnostic);
        }

        foreach (var message in result.Messages)
        {
            Log.LogMessage(MessageImportance.Low, "ContainerHealth: " + message);
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

    private LintSettings Settings(IReadOnlyList<ImageFacts> facts)
    {
        var appPort = HealthCheckPort.Resolve(HealthCheckPort.TryParse(Port, out var port) ? port : null, new ContainerFacts
        {
            EnvironmentVariables = ContainerEnvironmentVariables.Select(i => new KeyValuePair<string, string>(i.ItemSpec, i.GetMetadata("Value"))).ToList(),
            BaseImageEnvironment = facts.SelectMany(f => f.Environment).ToList(),
            Ports = ContainerPorts.Select(i => new KeyValuePair<string, string>(i.ItemSpec, i.GetMetadata("Type"))).ToList(),
            ProjectDirectory = ProjectDirectory,
        });
        var workingDirectory = WorkingDirectory.Length == 0 ? "/app/" : WorkingDirectory;
        return new LintSettings
        {
            ContainerRepository = ContainerRepository,
            CheckPath = CheckPath.Length == 0 ? HealthCheckDefaults.Path : CheckPath,
            // An invalid protocol was reported by the decision step already.
            Protocol = HealthCheckProtocolChoice.Decide(Protocol, PathSetByProject, PackageReferences.Select(i => i.ItemSpec), []),
            AppPort = appPort.Number,
            AppPortIsExplicit = appPort.OverridesEnvironment,
            ProbeEnabled = !string.Equals(Probe, "false", StringComparison.OrdinalIgnoreCase),
            ProbePath = ProbePath.Length == 0 ? workingDirectory.TrimEnd('/') + "/" + HealthCheckDefaults.ProbeFileName : ProbePath,
            WorkingDirectory = workingDirectory,
        };
    }
}
