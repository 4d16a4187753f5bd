using ContainerHealth.Analyzers.Tests.Verifiers;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.Meta;

[Trait("Tier", "Unit")]
public sealed class DescriptorTests
{
    public static TheoryData<string> Ids => new(AnalyzerRun.All.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id));

    [Fact]
    public void Ids_are_unique_and_in_the_analyzer_band()
    {
        var ids = AnalyzerRun.All.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(ids, id => Assert.Matches("^CH0[0-9]{3}$", id));
        Assert.Equal(["CH0001", "CH0002", "CH0003", "CH0004", "CH0005", "CH0006", "CH0007", "CH0008", "CH0009", "CH0010", "CH0011"], ids.Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_descriptor_has_a_help_link_to_its_doc_page_with_non_compliant_and_fixed_code(string id)
    {
        var descriptor = AnalyzerRun.All.SelectMany(analyzer => analyzer.SupportedDiagnostics).Single(d => d.Id == id);
        var page = RepositoryLayout.Path("docs", "rules", id + ".md");

        Assert.Equal(DiagnosticIds.HelpLink(id), descriptor.HelpLinkUri);
        Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text);
        Assert.Contains("## Non-compliant", text);
        Assert.Contains("## Fixed", text);
        Assert.True(text.Split("```csharp").Length >= 3, $"{page} needs a non-compliant and a fixed csharp block");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.Contains(":", descriptor.MessageFormat.ToString());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_tracked_in_the_release_files_and_listed_in_the_README(string id)
    {
        var releases = File.ReadAllText(RepositoryLayout.Path("src", "Analyzers", "ContainerHealth.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(RepositoryLayout.Path("src", "Analyzers", "ContainerHealth.Analyzers", "AnalyzerReleases.Shipped.md"));
        var readme = File.ReadAllText(RepositoryLayout.Path("README.md"));

        Assert.Contains(id + " |", releases);
        Assert.Contains("| [" + id + "](docs/rules/" + id + ".md) |", readme);
    }
}
