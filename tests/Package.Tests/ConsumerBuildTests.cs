using System.Text.Json;
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

    [Theory]
    [InlineData(false, new[] { "ContainerHealth.Analyzers.dll", "ContainerHealth.CodeFixes.dll" })]
    [InlineData(true, new[] { "ContainerHealth.Analyzers.dll", "ContainerHealth.CodeFixes.dll", "ContainerHealth.EndpointRecorder.dll" })]
    public async Task The_dotnet_CLI_compiler_on_linux_x64_gets_the_analyzers_compiled_ahead_of_time_and_the_endpoint_recorder_only_for_a_publish(bool publishing, string[] expected)
    {
        using var app = await ConsumerProject.CreateWebAsync();

        var analyzers = await app.DotnetAsync("msbuild", "-restore", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nologo", $"-p:_IsPublishing={publishing}");

        Assert.True(analyzers.ExitCode == 0, analyzers.Output);
        var items = JsonDocument.Parse(analyzers.StandardOutput).RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray();
        var ours = items.Select(item => item.GetProperty("Identity").GetString()!).Where(path => path.Contains("/containerhealth/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, ours.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(ours, path => Assert.Contains("/tools/analyzers-ready-to-run/linux-x64/", path));
    }
}
