using System.Xml.Linq;
using ContainerHealth.TestBed;

namespace ContainerHealth.Build.Tests.Targets;

/// <summary>The shipped props and targets read without MSBuild: well formed, every task they name exists, no target twice.</summary>
[Trait("Tier", "Unit")]
public sealed class TargetsFileTests
{
    [Theory]
    [InlineData("ContainerHealth.props")]
    [InlineData("ContainerHealth.targets")]
    public void The_file_is_well_formed_MSBuild(string file)
    {
        var project = XDocument.Load(RepositoryLayout.Path("build", file));

        Assert.Equal("Project", project.Root!.Name.LocalName);
    }

    [Fact]
    public void Every_target_is_defined_once_and_every_task_it_names_is_in_the_task_assembly()
    {
        var targets = XDocument.Load(RepositoryLayout.Path("build", "ContainerHealth.targets"));
        var names = targets.Descendants().Where(e => e.Name.LocalName == "Target").Select(e => (string)e.Attribute("Name")!).ToList();
        var tasks = targets.Descendants().Where(e => e.Name.LocalName == "UsingTask").Select(e => (string)e.Attribute("TaskName")!).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(tasks, task => Assert.NotNull(typeof(ContainerHealth.Build.Probe.CopyHealthProbe).Assembly.GetType(task)));
    }
}
