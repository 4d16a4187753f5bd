using System.Text.RegularExpressions;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>The README's claim about the harness counts the cases that exist, so it cannot go stale as cases are added.</summary>
[Trait("Tier", "Unit")]
public sealed partial class GroundTruthReadmeTests
{
    [Fact]
    public void Readme_counts_the_cases_the_harness_runs()
    {
        var readme = File.ReadAllText(RepositoryLayout.Path("README.md"));
        var cases = GroundTruthCase.All.Count;

        Assert.Equal(cases.ToString(System.Globalization.CultureInfo.InvariantCulture), HarnessSize().Match(readme).Groups["apps"].Value);
        Assert.Contains($"({cases} of {cases} agree)", readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"GroundTruth` builds (?<apps>\d+) small apps")]
    private static partial Regex HarnessSize();
}
