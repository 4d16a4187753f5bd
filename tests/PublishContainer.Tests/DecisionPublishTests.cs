using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// The saved decision through real publishes of the packed package: the probed path comes from the app's assembly, the
/// Host header from its AllowedHosts, lint reads the decision record (and the facts that decision read, never an
/// earlier publish's), and the analyzers get the decided values before compile.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class DecisionPublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>
{
    private const string ServiceDefaultsApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive");
        app.Run();
        """;

    [Fact]
    public async Task An_app_that_maps_health_and_alive_is_probed_at_alive_with_no_property_set()
    {
        // No property and no attribute of ours in the source: the analyzers' generator records what the app maps.
        var program = Path.Combine(sample.App.Directory, "Program.cs");
        var original = await File.ReadAllTextAsync(program);
        await File.WriteAllTextAsync(program, ServiceDefaultsApp);
        try
        {
            var published = await PublishAsync([]);

            Assert.Contains("ContainerHealth: health endpoints the app maps in Production: /health, /alive; the HEALTHCHECK probes /alive (its liveness endpoint", published.Build.Output);
            Assert.DoesNotContain("cannot confirm", published.Build.Output);
            var probes = await File.ReadAllTextAsync(Snippet("k8s-probes.yaml"));
            Assert.Contains("livenessProbe:\n  httpGet:\n    path: \"/alive\"", probes.ReplaceLineEndings("\n"));
            Assert.Contains("readinessProbe:\n  httpGet:\n    path: \"/health\"", probes.ReplaceLineEndings("\n"));

            await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
            Assert.Equal(["CMD", "/app/healthprobe", "--path", "/alive"], container.Config.Healthcheck!.Test.Take(4));
            var report = await container.WaitForHealthAsync();

            output.WriteLine(report.ToString());
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/alive", report.LastProbe!.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(program, original);
        }
    }

    [Fact]
    public async Task AllowedHosts_that_excludes_localhost_gets_a_host_header_that_makes_the_check_pass()
    {
        sample.App.WriteFile("appsettings.json", """{ "AllowedHosts": "example.com" }""");
        try
        {
            var published = await PublishAsync([]);

            Assert.Contains("ContainerHealth: the app's host filter (appsettings.json AllowedHosts 'example.com') answers Host: localhost with 400, so the HEALTHCHECK sends Host: example.com", published.Build.Output);
            Assert.Contains("      - name: Host\n        value: \"example.com\"", (await File.ReadAllTextAsync(Snippet("k8s-probes.yaml"))).ReplaceLineEndings("\n"));

            await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
            Assert.Contains("--host-header", container.Config.Healthcheck!.Test);
            var report = await container.WaitForHealthAsync();
            output.WriteLine(report.ToString());
            Assert.Equal(HealthStatus.Healthy, report.Status);

            // The same probe without the header is what the filter answers with 400.
            var withoutHeader = await container.ExecAsync("/app/healthprobe", "--path", "/healthz");
            output.WriteLine(withoutHeader.Output);
            Assert.NotEqual(0, withoutHeader.ExitCode);
            Assert.Contains("400", withoutHeader.Output);
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "appsettings.json"));
        }
    }

    [Fact]
    public async Task Lint_reads_this_publishs_decision_and_facts_never_an_earlier_ones()
    {
        sample.App.WriteFile("compose.yaml", """
            services:
              api:
                image: healthy-sample:latest
                healthcheck:
                  test: curl -f http://localhost:8080/healthz
              worker:
                image: healthy-sample:latest
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "http://localhost:8080/healthz"]
            """);
        sample.App.WriteFile("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } } }""");
        try
        {
            // The decision says port 5000 (appsettings.json), the inspection says the chiseled base has no shell and no curl.
            var first = await PublishAsync([]);
            Assert.Contains(first.Diagnostics, d => d.Code == "CH1004" && d.Message.Contains("5000", StringComparison.Ordinal));
            Assert.Contains("CH1002", first.Codes);

            // Now the app listens on 8080 and this publish does not inspect the base image: the record of the first publish
            // (port 5000) and its facts (no curl) must not be read.
            File.Delete(Path.Combine(sample.App.Directory, "appsettings.json"));
            var second = await PublishAsync(new() { ["ContainerHealthInspectBaseImage"] = "false" });

            Assert.DoesNotContain(second.Codes, code => code is "CH1004" or "CH1001" or "CH1002");
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "compose.yaml"));
            File.Delete(Path.Combine(sample.App.Directory, "appsettings.json"));
        }
    }

    [Fact]
    public async Task The_analyzers_see_the_decided_protocol_path_port_and_host_before_compile()
    {
        sample.App.WriteFile("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } }, "AllowedHosts": "*.example.com" }""");
        try
        {
            var editorConfig = await BuildAsync();
            Assert.Contains("build_property._ContainerHealthDecidedProtocol = http", editorConfig);
            Assert.Contains("build_property._ContainerHealthDecidedPath = \n", editorConfig.ReplaceLineEndings("\n"));
            Assert.Contains("build_property._ContainerHealthDecidedPort = 5000", editorConfig);
            Assert.Contains("build_property._ContainerHealthDecidedHostHeader = healthcheck.example.com", editorConfig);

            // The next build reuses the answer while nothing changed, and recomputes it when appsettings.json changes.
            sample.App.WriteFile("appsettings.json", """{ "urls": "http://+:6000" }""");
            var changed = await BuildAsync();
            Assert.Contains("build_property._ContainerHealthDecidedPort = 6000", changed);
            Assert.Contains("build_property._ContainerHealthDecidedHostHeader = \n", changed.ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "appsettings.json"));
        }
    }

    private async Task<string> BuildAsync()
    {
        var build = await sample.App.DotnetAsync("build", sample.App.ProjectFile, "-c", "Release", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, build.Output);
        return await File.ReadAllTextAsync(Path.Combine(sample.App.Directory, "obj", "Release", "net10.0", sample.App.Name + ".GeneratedMSBuildEditorConfig.editorconfig"));
    }

    private string Snippet(string name) =>
        Directory.GetFiles(Path.Combine(sample.App.Directory, "obj"), name, SearchOption.AllDirectories).Single();

    private async Task<ContainerPublishResult> PublishAsync(Dictionary<string, string> properties)
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        properties["ContainerHealthCheckInterval"] = "300ms";
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Properties = properties });
        Assert.True(published.Succeeded, published.Build.Output);
        return published;
    }
}
