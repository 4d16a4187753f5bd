using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>What a user sees for a bad property, a musl RID and a file of their own named healthprobe.</summary>
[Trait("Tier", "Publish")]
public sealed class PublishDiagnosticsTests(PackagedSample sample) : IClassFixture<PackagedSample>, IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-diagnostics-");

    [Fact]
    public async Task Malformed_interval_is_CH1006_on_the_project_and_no_image_is_written()
    {
        var published = await PublishAsync(new() { ["ContainerHealthCheckInterval"] = "90" });

        Assert.False(published.Succeeded);
        var error = Assert.Single(published.Errors);
        Assert.Equal("CH1006", error.Code);
        Assert.EndsWith(".csproj", error.File);
        Assert.Contains("ContainerHealthCheckInterval is '90'", error.Message);
        Assert.Contains("1m30s", error.Message);
        Assert.False(File.Exists(directory.File("healthy-sample.tar.gz")));
    }

    [Fact]
    public async Task Docker_duration_near_miss_publishes()
    {
        var published = await PublishAsync(new() { ["ContainerHealthCheckInterval"] = "1m30s" });

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.DoesNotContain("CH1006", published.Codes);
    }

    [Fact]
    public async Task Musl_rid_gets_the_static_probe_and_its_HEALTHCHECK_passes_under_the_engine()
    {
        var published = await PublishAsync(new(ExpectedHealthcheck.FastTimings), "linux-musl-x64");

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.DoesNotContain("CH1007", published.Codes);
        Assert.Contains("ContainerHealth: wrote the HEALTHCHECK", published.Build.Output);
        var probe = await ProcessRunner.RunAsync("file", ["-b", Path.Combine(sample.PublishDirectory("linux-musl-x64"), "healthprobe")]);
        Assert.Contains("x86-64", probe.StandardOutput);
        Assert.Contains("statically linked", probe.StandardOutput);

        // The test bed has no musl .NET base image: the musl app host cannot start on the glibc one, so the portable app
        // runs through `dotnet` while the image's own HEALTHCHECK runs the static probe, which needs no libc at all.
        await using var container = await ContainerRunner.RunArchiveAsync(published.ArchivePath!, new ContainerRunOptions
        {
            Entrypoint = ["dotnet", "/app/ConsumerApp.dll"],
        });
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Users_own_healthprobe_is_CH1010_and_left_untouched()
    {
        sample.App.WriteFile("healthprobe", "#!/bin/sh\necho mine\n");
        var project = await File.ReadAllTextAsync(sample.App.ProjectFile);
        try
        {
            await File.WriteAllTextAsync(sample.App.ProjectFile, project.Replace("</Project>",
                "<ItemGroup><None Update=\"healthprobe\" CopyToPublishDirectory=\"Always\" /></ItemGroup></Project>"));

            var published = await PublishAsync([]);

            Assert.False(published.Succeeded);
            Assert.Equal("CH1010", Assert.Single(published.Errors).Code);
            Assert.Equal("#!/bin/sh\necho mine\n", await File.ReadAllTextAsync(Path.Combine(sample.PublishDirectory("linux-x64"), "healthprobe")));
        }
        finally
        {
            await File.WriteAllTextAsync(sample.App.ProjectFile, project);
            File.Delete(Path.Combine(sample.App.Directory, "healthprobe"));
            File.Delete(Path.Combine(sample.PublishDirectory("linux-x64"), "healthprobe"));
        }
    }

    public void Dispose() => directory.Dispose();

    private async Task<ContainerPublishResult> PublishAsync(Dictionary<string, string> properties, string rid = "linux-x64")
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        return await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            ArchiveDirectory = directory.Path,
            RuntimeIdentifier = rid,
            Properties = properties,
        });
    }
}
