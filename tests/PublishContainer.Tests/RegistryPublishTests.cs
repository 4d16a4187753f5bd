using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>Single-RID publishes to the test registry, pulled and run by the real Docker engine, which judges the HEALTHCHECK.</summary>
[Trait("Tier", "Publish")]
public sealed class RegistryPublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>
{
    [Fact]
    public async Task Chiseled_image_gets_the_probe_and_its_own_HEALTHCHECK_passes()
    {
        var published = await PublishAsync(BaseImageKind.Chiseled);

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!, ExpectedHealthcheck.FastRun);
        // Docker 20.10 does not know StartInterval and drops it from what it reports: read the config as the registry has it.
        ExpectedHealthcheck.AssertDefaults((await ImageConfig.FromRegistryAsync(sample.Registry, published.ImageReference!)).Healthcheck);
        Assert.False(RootfsPath.Exists(container.Rootfs, "/bin/sh"));
        var probeMode = File.GetUnixFileMode(Path.Combine(sample.PublishDirectory("linux-x64"), "healthprobe"));
        Assert.True(probeMode.HasFlag(UnixFileMode.UserExecute), $"healthprobe in PublishDir is {probeMode}");

        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        output.WriteLine(report.ToString());
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(0, report.LastProbe!.ExitCode);
        Assert.StartsWith("healthy", report.LastProbe.Output);
        Assert.Single(report.LastProbe.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Noble_like_image_passes_and_fails_when_the_app_is_down()
    {
        var published = await PublishAsync(BaseImageKind.NobleLike, ExpectedHealthcheck.FastTimings);

        await using (var healthy = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!))
        {
            var report = await healthy.WaitForHealthAsync(target: HealthStatus.Healthy);
            Assert.Equal(HealthStatus.Healthy, report.Status);
        }

        // The same image with the app not running (the container's process just waits).
        await using var down = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!,
            new ContainerRunOptions { Entrypoint = ["/bin/sh", "-c", "exec sleep 600"] });
        var failing = await down.WaitForHealthAsync();

        output.WriteLine(failing.ToString());
        Assert.Equal(HealthStatus.Unhealthy, failing.Status);
        Assert.All(failing.Probes, p => Assert.Equal(1, p.ExitCode));
        Assert.StartsWith("unhealthy: connection refused", failing.LastProbe!.Output);
    }

    [Fact]
    public async Task Wrong_path_is_unhealthy_with_the_probes_status_line_in_the_engines_log()
    {
        // The analyzer says so at build time (CH0001); the engine agrees at run time.
        var published = await PublishAsync(BaseImageKind.Chiseled, new(ExpectedHealthcheck.FastTimings) { ["ContainerHealthCheckPath"] = "/no-such-endpoint" }, "CH0001");

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
        var report = await container.WaitForHealthAsync();

        output.WriteLine(report.ToString());
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith("unhealthy: HTTP 404 from http://localhost:8080/no-such-endpoint", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Probe_deadline_fits_a_short_check_timeout_so_the_engine_keeps_the_probes_line()
    {
        var published = await PublishAsync(BaseImageKind.Busybox, new(ExpectedHealthcheck.FastTimings) { ["ContainerHealthCheckTimeout"] = "500ms" });

        // A server that accepts every connection and never answers.
        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!,
            new ContainerRunOptions { Entrypoint = ["/bin/busybox", "nc", "-ll", "-p", "8080", "-e", "/bin/busybox", "sleep", "600"] });
        var report = await container.WaitForHealthAsync();

        output.WriteLine(report.ToString());
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        // The probe's own line, not Docker's "Health check exceeded timeout": the deadline fits. (On a loaded host the
        // engine's exec start-up alone can outgrow the margin, so how many of Docker's own entries there are is not asserted.)
        Assert.Contains(report.Probes, p => p.Output.StartsWith("unhealthy: no response within 300 ms", StringComparison.Ordinal));
        Assert.All(report.Probes, p => Assert.True(
            p.Output.StartsWith("unhealthy: no response", StringComparison.Ordinal) || p.Output.StartsWith("Health check exceeded timeout", StringComparison.Ordinal), p.Output));
    }

    [Fact]
    public async Task Own_shell_command_on_a_shell_less_base_gets_no_probe_and_the_engine_shows_why_it_fails()
    {
        var published = await PublishAsync(BaseImageKind.Chiseled, new(ExpectedHealthcheck.FastTimings)
        {
            ["ContainerHealthCheckCommand"] = "CMD-SHELL curl -f http://localhost:8080/ || exit 1",
        }, "CH1001", "CH1002");

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
        Assert.False(RootfsPath.Exists(container.Rootfs, "/app/healthprobe"), "nothing runs the probe, so it must not be copied");
        var report = await container.WaitForHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("stat /bin/sh: no such file or directory", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Local_engine_output_runs_healthy_without_a_registry_or_archive()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Properties = ExpectedHealthcheck.FastTimings });
        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Contains("in the local docker engine", published.Build.Output);
        // The final config was loaded on its own, over the layers the SDK loaded: a docker build would have made the SDK's image its parent.
        var engine = await DockerEngine.SharedAsync();
        var parent = (await engine.DockerAsync("image", "inspect", "--format", "{{.Parent}}", published.ImageReference!)).EnsureSuccess();
        Assert.Equal("", parent.StandardOutput.Trim());

        await using var container = await ContainerRunner.RunImageAsync(published.ImageReference!);
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        output.WriteLine(report.ToString());
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Port_set_at_run_time_through_ASPNETCORE_HTTP_PORTS_is_the_port_the_probe_checks()
    {
        var published = await PublishAsync(BaseImageKind.Chiseled, ExpectedHealthcheck.FastTimings);

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!,
            new ContainerRunOptions { Environment = ["ASPNETCORE_HTTP_PORTS=5005"] });
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Contains("5005", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Non_root_ContainerUser_can_run_the_probe()
    {
        var published = await PublishAsync(BaseImageKind.Chiseled, new(ExpectedHealthcheck.FastTimings) { ["ContainerUser"] = "4242" });

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
        Assert.Equal("4242", container.Config.User);
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task Custom_command_replaces_the_probe_command()
    {
        var published = await PublishAsync(BaseImageKind.Chiseled, new(ExpectedHealthcheck.FastTimings)
        {
            ["ContainerHealthCheckCommand"] = "CMD;/app/healthprobe;--path;/",
        });

        await using var container = await ContainerRunner.RunAsync(sample.Registry, published.ImageReference!);
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/"], container.Config.Healthcheck!.Test);
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task Every_tag_and_the_SDKs_outputs_name_the_image_with_the_HEALTHCHECK()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var repository = "outputs-" + Guid.NewGuid().ToString("N")[..8];

        var publish = await sample.App.DotnetAsync(
            "publish", "-t:PublishContainer", "-c", "Release", "-r", "linux-x64", "-nologo",
            $"-p:ContainerBaseImage={baseImage.Reference}", $"-p:ContainerRegistry={sample.Registry.Address}",
            $"-p:ContainerRepository={repository}", "-p:ContainerImageTags=\"1.0;latest\"",
            "-getProperty:GeneratedContainerDigest", "-getProperty:GeneratedContainerConfiguration", "-getItem:GeneratedContainer");

        Assert.True(publish.ExitCode == 0, publish.Output);
        using var json = JsonDocument.Parse(publish.StandardOutput[publish.StandardOutput.IndexOf('{')..]);
        var digest = json.RootElement.GetProperty("Properties").GetProperty("GeneratedContainerDigest").GetString()!;
        Assert.Contains("Healthcheck", json.RootElement.GetProperty("Properties").GetProperty("GeneratedContainerConfiguration").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("Items").GetProperty("GeneratedContainer").EnumerateArray());
        Assert.Equal(digest, item.GetProperty("ManifestDigest").GetString());
        Assert.Contains("Healthcheck", item.GetProperty("Configuration").GetString());
        foreach (var tag in new[] { "1.0", "latest" })
        {
            var inspect = await ProcessRunner.RunAsync("skopeo", ["inspect", "--tls-verify=false", $"docker://{sample.Registry.Address}/{repository}:{tag}"]);
            Assert.Equal(digest, JsonDocument.Parse(inspect.EnsureSuccess().StandardOutput).RootElement.GetProperty("Digest").GetString());
        }

        await using var container = await ContainerRunner.RunAsync(sample.Registry, $"{sample.Registry.Address}/{repository}:latest", ExpectedHealthcheck.FastRun);
        Assert.Equal(HealthStatus.Healthy, (await container.WaitForHealthAsync(target: HealthStatus.Healthy)).Status);
    }

    private async Task<ContainerPublishResult> PublishAsync(BaseImageKind kind, Dictionary<string, string>? properties = null, params string[] expectedWarnings)
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, kind);
        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = sample.Registry,
            Properties = properties ?? [],
        });
        output.WriteLine($"publish took {published.Duration.TotalSeconds:0.0}s");
        Assert.True(published.Succeeded, published.Build.Output);
        // Sub-second test timings are outside ECS's ranges, so the ECS snippet is clamped with CH1006; nothing else may warn.
        Assert.Empty(published.Warnings.Where(w => w.Code.StartsWith("CH", StringComparison.Ordinal) && !(properties is not null && w.Code == "CH1006") && !expectedWarnings.Contains(w.Code)));
        Assert.All(expectedWarnings, code => Assert.Contains(code, published.Codes));
        return published;
    }
}
