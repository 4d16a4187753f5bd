using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// Apps that listen where the environment does not say: the port from appsettings.json or from ContainerHealthCheckPort
/// is pinned into the HEALTHCHECK, the engine finds the app healthy, and the build's lint agrees with its own check.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class AppPortTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>
{
    [Fact]
    public async Task Kestrel_endpoint_in_appsettings_is_the_port_the_check_probes()
    {
        sample.App.WriteFile("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } } }""");
        try
        {
            var published = await PublishAsync([]);

            Assert.Contains("ContainerHealth: the app listens on port 5000 (appsettings.json Kestrel:Endpoints:Http:Url)", published.Build.Output);
            await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
            Assert.Contains("http://localhost:5000/healthz", container.Config.Healthcheck!.Test);
            var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

            output.WriteLine(report.ToString());
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.StartsWith("healthy: HTTP 200 from http://localhost:5000/healthz", report.LastProbe!.Output);
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "appsettings.json"));
        }
    }

    [Fact]
    public async Task Explicit_port_reaches_the_image_for_an_app_that_binds_in_code()
    {
        var program = Path.Combine(sample.App.Directory, "Program.cs");
        var original = await File.ReadAllTextAsync(program);
        await File.WriteAllTextAsync(program, original.Replace(
            "var app = builder.Build();", "builder.WebHost.UseUrls(\"http://+:5001\");\nvar app = builder.Build();", StringComparison.Ordinal));
        try
        {
            var published = await PublishAsync(new() { ["ContainerHealthCheckPort"] = "5001" });

            await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
            var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

            output.WriteLine(report.ToString());
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.StartsWith("healthy: HTTP 200 from http://localhost:5001/healthz", report.LastProbe!.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(program, original);
        }
    }

    /// <summary>Publishes with a compose file that carries the image's own check (as the build's snippet says), so the build lints it.</summary>
    private async Task<ContainerPublishResult> PublishAsync(Dictionary<string, string> properties)
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        properties["ContainerHealthCheckInterval"] = "300ms";
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Properties = properties });
        Assert.True(published.Succeeded, published.Build.Output);

        // The build's lint of its own snippet: the compose check it wrote must not contradict the port it decided.
        var snippet = Directory.GetFiles(Path.Combine(sample.App.Directory, "obj"), "compose-healthcheck.yaml", SearchOption.AllDirectories).Single();
        File.Copy(snippet, Path.Combine(sample.App.Directory, "compose.yaml"), overwrite: true);
        try
        {
            var linted = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Properties = properties });
            Assert.True(linted.Succeeded, linted.Build.Output);
            Assert.DoesNotContain(linted.Codes, code => code is "CH1004" or "CH1009" or "CH1001" or "CH1002");
            return linted;
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "compose.yaml"));
        }
    }
}
