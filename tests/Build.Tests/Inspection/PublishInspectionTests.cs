using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Build.Tests.Inspection;

/// <summary>The packed ContainerHealth in a fresh web app: `dotnet publish -t:PublishContainer` inspects the real base image.</summary>
[Trait("Tier", "Publish")]
public class PublishInspectionTests
{
    [Fact]
    public async Task Publishing_prints_one_summary_line_for_the_base_image_and_lints_the_compose_file_against_it()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        using var consumer = await ConsumerProject.CreateWebAsync();
        var cache = Path.Combine(consumer.Directory, "inspection-cache");
        consumer.WriteFile("compose.yaml", "services:\n  app:\n    image: consumer-app:latest\n    healthcheck:\n      test: curl -f http://localhost:8080/healthz\n");

        var publish = await consumer.DotnetAsync(
            "publish", "-t:PublishContainer", "-c", "Release", "-v:n",
            "-p:RuntimeIdentifier=linux-x64",
            $"-p:ContainerBaseImage={image.Reference}",
            $"-p:ContainerRegistry={registry.Address}",
            "-p:ContainerRepository=consumer-app",
            $"-p:ContainerHealthCacheDirectory={cache}");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Contains($"ContainerHealth: base {image.Reference} (linux-x64): no shell, no curl, no wget", publish.Output);
        Assert.DoesNotContain("CH1005", publish.Output);
        Assert.Contains("compose.yaml(5,13): warning CH1001", publish.Output);
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "obj", "containerhealth", "facts", "linux-x64.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(cache, "v1", "facts")));
    }
}
