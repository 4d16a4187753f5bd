using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

[Trait("Tier", "Publish")]
public sealed class ContainerPublisherTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task Sample_published_onto_chiseled_runs_as_the_base_image_user_and_serves_healthz()
    {
        var baseImage = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Chiseled);
        using var sample = await SampleProject.AcquireAsync();

        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new() { BaseImage = baseImage.Reference, Registry = fixture.Registry });

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Empty(published.Errors);
        await using var container = await ContainerRunner.RunAsync(fixture.Registry, published.ImageReference!);
        Assert.Equal("1654", container.Config.User);
        await container.WaitForListeningAsync(8080);
        Assert.Equal((200, "\"healthy\""), await container.HttpGetAsync(8080, "/healthz"));
        Assert.Equal((200, "Hello from HealthySample"), await container.HttpGetAsync(8080, "/"));
    }

    [Fact]
    public async Task Sample_published_to_an_archive_runs_from_the_tarball()
    {
        var baseImage = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        using var sample = await SampleProject.AcquireAsync();

        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new()
        {
            BaseImage = baseImage.Reference,
            ArchiveDirectory = Path.Combine(sample.Directory, "archive"),
        });

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Null(published.ImageReference);
        Assert.True(File.Exists(published.ArchivePath), published.Build.Output);
        await using var container = await ContainerRunner.RunArchiveAsync(published.ArchivePath!);
        await container.WaitForListeningAsync(8080);
        Assert.Equal(200, (await container.HttpGetAsync(8080, "/healthz")).Status);
    }

    [Fact]
    public async Task A_failing_publish_returns_the_SDK_diagnostics_with_codes()
    {
        using var sample = await SampleProject.AcquireAsync();

        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new()
        {
            BaseImage = $"{fixture.Registry.Address}/no-such-image:10.0",
            Registry = fixture.Registry,
        });

        Assert.False(published.Succeeded);
        Assert.Null(published.ImageReference);
        var error = Assert.Single(published.Errors);
        Assert.Matches(@"^CONTAINER\d{4}$", error.Code);
        Assert.Contains("no-such-image", error.Message);
    }
}
