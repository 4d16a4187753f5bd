using ContainerHealth.Build.Inspection;
using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Build.Tests.Inspection;

[Trait("Tier", "Engine")]
public sealed class InspectBaseImageTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-inspect-task-");

    [Fact]
    public async Task Returns_the_facts_as_item_metadata_and_a_json_file()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await BaseImages.PushAsync(registry, BaseImageKind.NobleLike);
        var engine = new RecordingBuildEngine();
        var task = Task(engine, registry.Address, image.Repository, image.Tag);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal("true", task.Facts?.GetMetadata("HasShell"));
        Assert.Equal("false", task.Facts?.GetMetadata("HasCurl"));
        Assert.Equal("false", task.Facts?.GetMetadata("HasWget"));
        Assert.Equal("Layers", task.Facts?.GetMetadata("Source"));
        Assert.Equal("Glibc", task.Facts?.GetMetadata("Libc"));
        Assert.Equal(image.Reference, task.Facts?.ItemSpec);
        Assert.True(FactsFileWriter.Read(task.FactsFile)?.HasShell);
    }

    [Fact]
    public void An_unreachable_registry_is_a_CH1005_warning_with_help_link_and_place_not_a_failure()
    {
        var engine = new RecordingBuildEngine();
        var task = Task(engine, "localhost:1", "app/base", "1.0");

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(DiagnosticCodes.InspectionFailed, warning.Code);
        Assert.Equal(DiagnosticCodes.HelpLink(DiagnosticCodes.InspectionFailed), warning.HelpLink);
        Assert.Equal(task.ProjectFile, warning.File);
        Assert.Contains("localhost:1 is unreachable", warning.Message);
        Assert.Equal("unknown", task.Facts?.GetMetadata("HasShell"));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_malformed_base_image_name_is_CH1005_too()
    {
        var engine = new RecordingBuildEngine();
        var task = Task(engine, "localhost:1", "Not/Valid", "1.0");

        Assert.True(task.Execute());

        Assert.Equal(DiagnosticCodes.InspectionFailed, Assert.Single(engine.Warnings).Code);
        Assert.Null(task.Facts);
    }

    public void Dispose() => directory.Dispose();

    private InspectBaseImage Task(RecordingBuildEngine engine, string registry, string name, string tag) => new()
    {
        BuildEngine = engine,
        BaseRegistry = registry,
        BaseImageName = name,
        BaseImageTag = tag,
        RuntimeIdentifier = "linux-x64",
        FactsFile = Path.Combine(directory.Path, "facts", "linux-x64.json"),
        CacheDirectory = directory.File("cache"),
        ProjectFile = directory.File("App.csproj"),
    };
}
