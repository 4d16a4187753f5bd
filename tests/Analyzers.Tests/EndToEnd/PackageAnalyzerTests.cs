using System.Text.RegularExpressions;
using ContainerHealth.CodeFixes.HealthEndpoint;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.EndToEnd;

/// <summary>The packed ContainerHealth in a fresh `dotnet new web` app: CH0001 in the build output, and the fix's output builds clean.</summary>
[Trait("Tier", "Publish")]
public sealed class PackageAnalyzerTests
{
    [Fact]
    public async Task Template_web_app_shows_CH0001_in_dotnet_build_and_the_code_fix_output_builds_without_it()
    {
        using var app = await ConsumerProject.CreateWebAsync();
        var program = Path.Combine(app.Directory, "Program.cs");
        var original = await File.ReadAllTextAsync(program);

        var build = await app.DotnetAsync("build", "-c", "Release", "-nologo");

        Assert.True(build.ExitCode == 0, build.Output);
        var (line, column) = LineAndColumn(original, original.IndexOf("builder.Build()", StringComparison.Ordinal));
        Assert.Matches(new Regex($@"Program\.cs\({line},{column}\): warning CH0001: No endpoint is mapped at '/healthz'"), build.Output);

        // The analyzer sees what MSBuild computed: the Web SDK's EnableSdkContainerSupport and the decision's compile-time
        // part (no path set: the app's endpoints decide, /healthz when it maps none; the .NET images' port).
        var intermediate = Path.Combine(app.Directory, "obj", "Release", "net10.0");
        var analyzerConfig = Path.Combine(intermediate, app.Name + ".GeneratedMSBuildEditorConfig.editorconfig");
        var config = await File.ReadAllTextAsync(analyzerConfig);
        Assert.Contains("build_property.EnableSdkContainerSupport = true", config);
        Assert.Contains("build_property._ContainerHealthDecidedProtocol = http", config);
        Assert.Contains("build_property._ContainerHealthDecidedPath = \n", config);
        Assert.Contains("build_property._ContainerHealthDecidedPort = 8080", config);

        var (diagnostics, fixedText) = await InProcessCodeFix.ApplyAsync(
            new HealthEndpointMappedFixer(),
            "CH0001",
            program,
            [program, Path.Combine(intermediate, app.Name + ".GlobalUsings.g.cs")],
            analyzerConfig);
        Assert.True(fixedText is not null, string.Join("\n", diagnostics));
        Assert.Contains("builder.Services.AddHealthChecks();", fixedText);
        Assert.Contains("app.MapHealthChecks(\"/healthz\");", fixedText);
        await File.WriteAllTextAsync(program, fixedText);

        var fixedBuild = await app.DotnetAsync("build", "-c", "Release", "-nologo");

        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Output);
        Assert.DoesNotContain("CH0001", fixedBuild.Output);
        Assert.DoesNotContain("CH0003", fixedBuild.Output);
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        Assert.True(index >= 0, "the template's Program.cs has no builder.Build()");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        return (line, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
