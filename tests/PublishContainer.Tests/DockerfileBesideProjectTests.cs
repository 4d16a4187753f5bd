using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// A project folder with Dockerfiles, published as a container: each Dockerfile is linted against its own FROM base,
/// read from the registry as the CLI reads it (a curl check on a static base is CH1001/CH1002 at the HEALTHCHECK line, a
/// wget check on a busybox base is clean), never against the image the publish builds. A publish that is evidently a
/// container publish (the DefaultContainer profile) prints no Dockerfile advice (CH1017).
/// </summary>
[Trait("Tier", "Publish")]
public sealed class DockerfileBesideProjectTests(PackagedSample sample) : IClassFixture<PackagedSample>, IDisposable
{
    private readonly List<string> written = [];

    [Fact]
    public async Task Each_Dockerfile_is_judged_against_its_own_base_and_the_container_publish_gives_no_Dockerfile_advice()
    {
        var chiseled = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var staticBase = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Static);
        var busybox = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Busybox);
        var curlOnStatic = Write("Dockerfile", $"""
            FROM {staticBase.Reference}
            COPY bin/Release/net10.0/linux-x64/publish/ /app/
            HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
            ENTRYPOINT ["/app/ConsumerApp"]
            """);
        var wgetOnBusybox = Write("wget.Dockerfile", $"""
            FROM {busybox.Reference}
            WORKDIR /app
            COPY bin/Release/net10.0/linux-x64/publish/ .
            HEALTHCHECK CMD wget -q --spider http://localhost:8080/healthz || exit 1
            ENTRYPOINT ["dotnet", "ConsumerApp.dll"]
            """);

        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = chiseled.Reference,
            Registry = sample.Registry,
            Properties = new Dictionary<string, string> { ["PublishProfile"] = "DefaultContainer" },
        });

        Assert.True(published.Succeeded, published.Build.Output);
        var onStatic = published.Diagnostics.Where(d => d.File == curlOnStatic).ToList();
        Assert.Equal(["CH1001", "CH1002"], onStatic.Select(d => d.Code).Order());
        Assert.All(onStatic, d => Assert.Equal(3, d.Line));
        Assert.Contains(staticBase.Reference, onStatic.Single(d => d.Code == "CH1001").Message);
        Assert.Contains("'curl'", onStatic.Single(d => d.Code == "CH1002").Message);
        Assert.DoesNotContain(published.Diagnostics, d => d.File == wgetOnBusybox);
        Assert.DoesNotContain("CH1017", published.Build.Output);
    }

    public void Dispose()
    {
        foreach (var file in written)
        {
            File.Delete(file);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(sample.App.Directory, name);
        File.WriteAllText(path, text);
        written.Add(path);
        return path;
    }
}
