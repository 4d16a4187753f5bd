namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// A rule is right when the running app agrees: for every case the analyzer (the packed one, in a real `dotnet build`)
/// warns exactly when the container's probe would fail against the app started in Production.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class GroundTruthTests(GroundTruthRun run) : IClassFixture<GroundTruthRun>
{
    public static TheoryData<string> Cases => new(GroundTruthCase.All.Select(@case => @case.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyzer_warns_exactly_when_the_probe_fails(string name)
    {
        var @case = GroundTruthCase.Named(name);
        Assert.True(run.Build.ExitCode == 0, run.Build.Output);
        var warnings = run.WarningsOf(@case).Where(warning => warning.Id.StartsWith("CH", StringComparison.Ordinal)).ToList();
        var outcome = run.Outcome(@case);

        Assert.True(
            warnings.Count > 0 == outcome.Fails,
            $"{@case.Settings.Pattern}\nprobe of {run.ProbedPath(@case)}: {outcome} ({(outcome.Fails ? "fails" : "healthy")})\n"
            + $"analyzer: {(warnings.Count == 0 ? "silent" : string.Join("\n  ", warnings))}");
    }

    public static TheoryData<string> ZeroConfigCases => new(GroundTruthCase.All.Where(@case => @case.Settings.ZeroConfig).Select(@case => @case.Name));

    /// <summary>
    /// The generator's metadata is in the built assembly, and the path its ChooseProbePath() gives (what the build
    /// probes with no path set) answers in Production: a confirmed endpoint that does not answer is a wrong confirmation.
    /// </summary>
    [Theory]
    [MemberData(nameof(ZeroConfigCases))]
    public void Zero_configuration_metadata_is_in_the_assembly_and_its_path_answers(string name)
    {
        var @case = GroundTruthCase.Named(name);
        Assert.True(run.Build.ExitCode == 0, run.Build.Output);
        Assert.True(AppHealthEndpoints.TryParse(run.Metadata(@case), out var endpoints), $"metadata: {run.Metadata(@case) ?? "(none)"}");
        if (endpoints.ChooseProbePath() is { } chosen)
        {
            var outcome = run.Outcome(@case);
            Assert.False(outcome.Fails, $"{@case.Settings.Pattern}\nconfirmed {string.Join(", ", endpoints.Confirmed)}; probe of {chosen}: {outcome}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyzer_reports_the_expected_rule_and_never_crashes(string name)
    {
        var @case = GroundTruthCase.Named(name);
        Assert.True(run.Build.ExitCode == 0, run.Build.Output);
        var warnings = run.WarningsOf(@case);

        Assert.DoesNotContain(warnings, warning => warning.Id == "AD0001");
        Assert.Equal(
            @case.Settings.Expect.Order(StringComparer.Ordinal),
            warnings.Select(warning => warning.Id).Distinct().Order(StringComparer.Ordinal));
    }
}
