using System.Xml.Linq;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Build.Tests.Targets;

/// <summary>
/// build/ContainerHealth.targets depends on private parts of the SDK's container targets. These tests pin that contract
/// on the installed SDK — a renamed target or property fails here, not silently in a user's image — and check that the
/// package says CH1012 when its hooks do not run.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class SdkContractTests
{
    private static readonly string[] HookedTargets = ["PublishContainer", "_PublishSingleContainer", "_PublishMultiArchContainers"];

    // Properties and items the package reads or rewrites around those targets.
    private static readonly string[] ReadProperties =
    [
        "GeneratedContainerConfiguration", "GeneratedContainerManifest", "GeneratedContainerDigest", "GeneratedContainerMediaType",
        "GeneratedArchiveOutputPath", "GeneratedImageIndex", "_SkipContainerPublishing", "ContainerBaseRegistry", "ContainerBaseName",
        "ContainerBaseTag", "ContainerBaseDigest", "ContainerRuntimeIdentifier", "ContainerWorkingDirectory", "LocalRegistry",
        "ContainerRegistry", "ContainerRepository", "ContainerRuntimeIdentifiers",
    ];

    private static readonly string[] ReadItems = ["GeneratedContainer", "GeneratedContainerName", "ContainerEnvironmentVariables", "ContainerImageTags"];

    [Fact]
    public async Task The_installed_SDK_has_every_target_property_and_item_the_package_hooks_or_reads()
    {
        var targets = await SdkContainerTargetsAsync();
        var text = await File.ReadAllTextAsync(targets);
        var names = XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "Target").Select(e => (string?)e.Attribute("Name")).ToHashSet();

        Assert.All(HookedTargets, target => Assert.Contains(target, names));
        Assert.All(ReadProperties, property => Assert.Contains(property, text));
        Assert.All(ReadItems, item => Assert.True(text.Contains($"@({item})") || text.Contains($"ItemName=\"{item}\""), item));
    }

    [Fact]
    public async Task The_SDKs_multi_RID_inner_builds_run_Publish_with_the_global_property_that_turns_the_Dockerfile_step_off()
    {
        var targets = XDocument.Parse(await File.ReadAllTextAsync(await SdkContainerTargetsAsync()));
        var multi = targets.Descendants().Single(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == "_PublishMultiArchContainers");
        var inner = multi.Descendants().Single(e => e.Name.LocalName == "_InnerBuild");
        var build = multi.Descendants().Single(e => e.Name.LocalName == "MSBuild");

        // Step 11 (ContainerHealthPublishProbe) runs after Publish unless _IsSingleRIDBuild is true.
        var properties = ((string?)inner.Attribute("AdditionalProperties") ?? "").Split(';').Select(p => p.Trim()).ToArray();
        Assert.Contains("_IsSingleRIDBuild=true", properties);
        Assert.StartsWith("Publish;", (string?)build.Attribute("Targets"));
        var ours = await File.ReadAllTextAsync(RepositoryLayout.Path("build", "ContainerHealth.targets"));
        Assert.Contains("'$(_IsSingleRIDBuild)' != 'true'", ours);
    }

    [Fact]
    public async Task The_installed_SDK_turns_package_analyzers_into_items_in_the_target_the_package_follows()
    {
        var sdkTargets = Path.Combine(Path.GetDirectoryName(await SdkContainerTargetsAsync())!, "..", "..", "Sdks", "Microsoft.NET.Sdk", "targets");
        var resolution = XDocument.Load(Path.Combine(sdkTargets, "Microsoft.PackageDependencyResolution.targets"));

        var target = resolution.Descendants().Single(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == "ResolveLockFileAnalyzers");
        Assert.Contains(target.Descendants(), e => e.Name.LocalName == "Analyzer" && (string?)e.Attribute("Include") == "@(ResolvedAnalyzers)");
    }

    [Fact]
    public void The_package_hooks_exactly_the_targets_the_contract_names()
    {
        var ours = XDocument.Load(RepositoryLayout.Path("build", "ContainerHealth.targets"));
        var hooks = ours.Descendants().Where(e => e.Name.LocalName == "Target")
            .SelectMany(t => new[] { (string?)t.Attribute("BeforeTargets"), (string?)t.Attribute("AfterTargets") })
            .OfType<string>().Distinct().Order().ToArray();

        // GenerateMSBuildEditorConfigFileCore is Roslyn's: the analyzers' referenced sources are handed over before it.
        // Publish is the SDK's public target: a plain publish for Linux puts the probe in the output for Dockerfile builds.
        // ResolveLockFileAnalyzers is the SDK's: the package's analyzers are swapped or added after it turns them into items.
        Assert.Equal(["$(_ContainerHealthSdkMultiImageTarget)", "$(_ContainerHealthSdkSingleImageTarget)", "GenerateMSBuildEditorConfigFileCore", "Publish", "PublishContainer", "ResolveLockFileAnalyzers"], hooks);
        var defaults = ours.Descendants().Where(e => e.Name.LocalName.StartsWith("_ContainerHealthSdk", StringComparison.Ordinal)).Select(e => e.Value).ToArray();
        Assert.Equal(["_PublishSingleContainer", "_PublishMultiArchContainers"], defaults);
    }

    [Fact]
    public async Task A_renamed_SDK_target_is_CH1012_instead_of_a_silent_image_without_a_probe()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        using var consumer = await ConsumerProject.CreateWebAsync();

        // What a future SDK that renamed _PublishSingleContainer looks like to the package: its hook never fires.
        var publish = await consumer.DotnetAsync(
            "publish", "-t:PublishContainer", "-c", "Release", "-r", "linux-x64",
            $"-p:ContainerBaseImage={image.Reference}", $"-p:ContainerRegistry={registry.Address}", "-p:ContainerRepository=renamed",
            "-p:_ContainerHealthSdkSingleImageTarget=_RenamedBySdk");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Contains("warning CH1012: ContainerHealth did not run", publish.Output);
        Assert.DoesNotContain("ContainerHealth: wrote the HEALTHCHECK", publish.Output);
    }

    private static async Task<string> SdkContainerTargetsAsync()
    {
        var version = (await ProcessRunner.RunAsync("dotnet", ["--version"], RepositoryLayout.Path())).EnsureSuccess().StandardOutput.Trim();
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Path.Combine(dotnetRoot, "sdk", version, "Containers", "build", "Microsoft.NET.Build.Containers.targets");
    }
}
