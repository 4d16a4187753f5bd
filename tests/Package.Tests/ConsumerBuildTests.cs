using ContainerHealth.TestBed;

namespace ContainerHealth.Package.Tests;

[Trait("Tier", "Publish")]
public sealed class ConsumerBuildTests
{
    [Fact]
    public async Task Web_app_referencing_the_package_builds_and_gets_nothing_at_run_time()
    {
        using var app = await ConsumerProject.CreateWebAsync();

        var build = await app.DotnetAsync("build", "-c", "Release", "-nologo");

        Assert.True(build.ExitCode == 0, build.Output);
        var output = Path.Combine(app.Directory, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, app.Name + ".dll")), build.Output);
        Assert.Empty(Directory.GetFiles(output, "ContainerHealth*"));
        Assert.Empty(Directory.GetFiles(output, "healthprobe*"));
        var assets = await File.ReadAllTextAsync(Path.Combine(app.Directory, "obj", "project.assets.json"));
        Assert.Contains("\"ContainerHealth/", assets);
    }
}
