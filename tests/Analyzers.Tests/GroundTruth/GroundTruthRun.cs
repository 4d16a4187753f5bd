using System.Collections.Concurrent;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// The class fixture: builds every case once, then starts each app in Production and probes it (a few at a time),
/// so each test only compares the analyzer's verdict with what the probe got. Writes a summary to
/// artifacts/ground-truth/summary.txt (agreement counts).
/// </summary>
public sealed class GroundTruthRun : IAsyncLifetime
{
    private const int ParallelApps = 3;

    private readonly ConcurrentDictionary<string, ProbeOutcome> outcomes = new();
    private readonly ConcurrentDictionary<string, string?> metadata = new();
    private GroundTruthSolution? solution;

    public ProcessResult Build { get; private set; } = null!;

    public ILookup<string, BuildWarning> Warnings { get; private set; } = null!;

    public ProbeOutcome Outcome(GroundTruthCase @case) => outcomes[@case.Name];

    /// <summary>The health-endpoint metadata the generator wrote into the built app; null when none.</summary>
    public string? Metadata(GroundTruthCase @case) => metadata[@case.Name];

    /// <summary>The path the container probes: the pinned one, else what the app's metadata gives (ChooseProbePath), else /healthz.</summary>
    public string ProbedPath(GroundTruthCase @case) =>
        @case.PinnedPath
        ?? (AppHealthEndpoints.TryParse(Metadata(@case), out var endpoints) ? endpoints.ChooseProbePath() : null)
        ?? "/healthz";

    public IReadOnlyList<BuildWarning> WarningsOf(GroundTruthCase @case) => Warnings[@case.Name].ToList();

    public async Task InitializeAsync()
    {
        solution = await GroundTruthSolution.CreateAsync(GroundTruthCase.All);
        (Build, Warnings) = await solution.BuildAsync();
        if (Build.ExitCode != 0)
        {
            return;
        }

        foreach (var @case in GroundTruthCase.All)
        {
            metadata[@case.Name] = AssemblyHealthEndpoints.Read(solution.AppDll(@case));
        }

        using var slots = new SemaphoreSlim(ParallelApps);
        await Task.WhenAll(GroundTruthCase.All.Select(async @case =>
        {
            await slots.WaitAsync();
            try
            {
                outcomes[@case.Name] = await ProductionProbe.RunAsync(solution.AppDll(@case), ProbedPath(@case), @case.ContainerPort);
            }
            finally
            {
                slots.Release();
            }
        }));
        WriteSummary();
    }

    public Task DisposeAsync()
    {
        solution?.Dispose();
        return Task.CompletedTask;
    }

    private void WriteSummary()
    {
        var lines = GroundTruthCase.All.Select(@case =>
        {
            var warnings = WarningsOf(@case).Where(warning => warning.Id.StartsWith("CH", StringComparison.Ordinal)).ToList();
            var outcome = Outcome(@case);
            var agrees = warnings.Count > 0 == outcome.Fails;
            var verdict = warnings.Count == 0 ? "silent" : string.Join(",", warnings.Select(warning => warning.Id).Distinct());
            return (agrees, $"{(agrees ? "agree   " : "DISAGREE")} {@case.Name,-48} analyzer: {verdict,-14} probe of {ProbedPath(@case)}{(@case.PinnedPath is null ? " (zero config)" : "")}: {outcome}");
        }).ToList();
        var directory = RepositoryLayout.Path("artifacts", "ground-truth");
        Directory.CreateDirectory(directory);
        File.WriteAllLines(
            Path.Combine(directory, "summary.txt"),
            [$"{lines.Count(line => line.agrees)} of {lines.Count} cases agree", .. lines.Select(line => line.Item2)]);
    }
}
