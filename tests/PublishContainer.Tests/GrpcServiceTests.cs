using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// A gRPC service (Kestrel Protocols=Http2, Grpc.AspNetCore.HealthChecks) published with ContainerHealth and no settings:
/// the HEALTHCHECK runs the probe in grpc mode, and the real engine judges the app by its grpc.health.v1 answer.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class GrpcServiceTests(GrpcPackagedSample sample, ITestOutputHelper output) : IClassFixture<GrpcPackagedSample>
{
    [Fact]
    public async Task Grpc_service_without_settings_is_healthy_and_turns_unhealthy_with_NOT_SERVING_when_its_check_fails()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Repository = "grpc-sample" });
        output.WriteLine($"publish took {published.Duration.TotalSeconds:0.0}s");
        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Contains($"ContainerHealth: the project references {GrpcPackagedSample.HealthPackage} and sets no ContainerHealthCheckPath, so the HEALTHCHECK calls grpc.health.v1.Health/Check", published.Build.Output);
        // Neither the build nor the analyzer warns: the health service is mapped, and the HTTP rules (CH0001...) do not apply.
        Assert.Empty(published.Warnings.Where(w => w.Code.StartsWith("CH", StringComparison.Ordinal)));
        var snippets = Path.Combine(sample.App.Directory, "obj");
        Assert.Contains("  grpc:\n    port: 8080\n", await File.ReadAllTextAsync(Directory.GetFiles(snippets, "k8s-probes.yaml", SearchOption.AllDirectories).Single()));

        // Run every 300 ms instead of the image's 30 s, so the failure shows within a second.
        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!, ExpectedHealthcheck.FastRun);
        Assert.Equal(["CMD", "/app/healthprobe", "--protocol", "grpc", "--timeout", "4s"], container.Config.Healthcheck!.Test);
        Assert.False(RootfsPath.Exists(container.Rootfs, "/bin/sh"));
        var healthy = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        output.WriteLine(healthy.ToString());
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.StartsWith("healthy: SERVING from grpc://localhost:8080 in ", healthy.LastProbe!.Output);

        // The sample reports NOT_SERVING while /tmp/unhealthy exists. The image has no shell to exec, so the marker goes in
        // through the engine's archive API (docker cp), which needs nothing inside the container.
        using var scratch = new TemporaryDirectory();
        var marker = scratch.File("unhealthy");
        File.WriteAllText(marker, "");
        var engine = await DockerEngine.SharedAsync();
        (await engine.DockerAsync("cp", marker, $"{container.Name}:/tmp/unhealthy")).EnsureSuccess();

        var unhealthy = await container.WaitForHealthAsync(target: HealthStatus.Unhealthy);

        output.WriteLine(unhealthy.ToString());
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal(1, unhealthy.LastProbe!.ExitCode);
        Assert.Matches(@"^unhealthy: NOT_SERVING from grpc://localhost:8080 in \d+ ms\n?$", unhealthy.LastProbe.Output);
    }

    [Fact]
    public async Task Grpc_service_without_the_health_service_is_CH0007_at_build_and_UNIMPLEMENTED_under_the_engine()
    {
        var program = Path.Combine(sample.App.Directory, "Program.cs");
        var original = await File.ReadAllTextAsync(program);
        await File.WriteAllTextAsync(program, original.Replace("app.MapGrpcHealthChecksService();", "", StringComparison.Ordinal));
        try
        {
            var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
            var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Repository = "grpc-unmapped" });
            Assert.True(published.Succeeded, published.Build.Output);
            var warning = Assert.Single(published.Warnings, w => w.Code == "CH0007");
            Assert.EndsWith("Program.cs", warning.File);

            // The analyzer's verdict, judged by the running app: the probe gets UNIMPLEMENTED (checked every 300 ms, and
            // without the image's 30 s start period, during which failures would not count).
            await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!, new ContainerRunOptions
            {
                HealthCheck = new HealthcheckConfig([], Interval: TimeSpan.FromMilliseconds(300), StartPeriod: TimeSpan.FromMilliseconds(1)),
            });
            var report = await container.WaitForHealthAsync(target: HealthStatus.Unhealthy);

            output.WriteLine(report.ToString());
            Assert.Equal(HealthStatus.Unhealthy, report.Status);
            Assert.StartsWith("unhealthy: grpc-status 12 (UNIMPLEMENTED)", report.LastProbe!.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(program, original);
        }
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("/healthz", "/healthz")]
    public async Task Targets_leave_the_path_as_the_project_set_it_for_the_decision_to_tell(string? path, string evaluatedPath)
    {
        string[] arguments = ["msbuild", sample.App.ProjectFile, "-nologo", "-getProperty:ContainerHealthCheckPath"];
        var evaluated = await sample.App.DotnetAsync(path is null ? arguments : [.. arguments, $"-p:ContainerHealthCheckPath={path}"]);

        Assert.True(evaluated.ExitCode == 0, evaluated.Output);
        Assert.Equal(evaluatedPath, evaluated.StandardOutput.Trim());
    }
}
