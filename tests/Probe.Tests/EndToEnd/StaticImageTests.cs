using System.Globalization;
using ContainerHealth.Probe.Tests.Fixtures;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// The shipped probe as the HEALTHCHECK of an image built on the test bed's <c>static</c> base (no libc, no shell), run and
/// judged by the real Docker engine, against a real Kestrel app in the container's network.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class StaticImageTests
{
    private const int AppPort = 8080;

    [Fact]
    public async Task Probe_reports_healthy_then_unhealthy_from_inside_a_static_container()
    {
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Static);
        await ContainerRunner.PullAsync(registry, baseImage.Reference);

        // What the package's targets do: the probe in the image, executable by the image's non-root user. The image has
        // no program that stays up; a static busybox `sleep` stands in for the app process (pid 1), and the app itself is
        // Kestrel from the host, started inside the container's network namespace.
        using var context = new TemporaryDirectory("ch-static-image-");
        foreach (var (source, name) in new[] { (await ShippedProbe.PathForAsync("linux-x64"), "healthprobe"), ("/bin/busybox", "sleep") })
        {
            File.Copy(source, context.File(name));
            File.SetUnixFileMode(context.File(name), (UnixFileMode)0b111_101_101);
        }

        var image = await EngineImageBuilder.BuildAsync(
            $"""
            FROM {baseImage.Reference}
            COPY healthprobe /healthprobe
            COPY sleep /testbed/sleep
            {EngineImageBuilder.Instruction(new HealthcheckConfig(["CMD", "/healthprobe"], Interval: TimeSpan.FromMilliseconds(200), Timeout: TimeSpan.FromSeconds(5), Retries: 2))}
            """,
            context.Path);

        await using var container = await ContainerRunner.RunImageAsync(image, new ContainerRunOptions
        {
            Entrypoint = ["/testbed/sleep", "3600"],
            Environment = [$"ASPNETCORE_HTTP_PORTS={AppPort}"],
        });
        Assert.False(RootfsPath.Exists(container.Rootfs, "/bin/sh"), "the static image must have no shell");

        HealthCheckReport healthy;
        using (var app = await EnvironmentConfiguredApp.StartAsync(
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = AppPort.ToString(CultureInfo.InvariantCulture) },
            launcher: ["nsenter", "-t", container.Pid.ToString(CultureInfo.InvariantCulture), "-n"]))
        {
            await container.WaitForListeningAsync(AppPort);
            healthy = await container.WaitForHealthAsync(target: HealthStatus.Healthy);
        }

        var unhealthy = await container.WaitForHealthAsync(target: HealthStatus.Unhealthy);

        Assert.True(healthy.Status == HealthStatus.Healthy, healthy.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{AppPort}/healthz", healthy.LastProbe!.Output);
        Assert.True(unhealthy.Status == HealthStatus.Unhealthy, unhealthy.ToString());
        // Docker gives the container's loopback no IPv6 address, so only 127.0.0.1 can refuse.
        Assert.StartsWith($"unhealthy: connection refused (127.0.0.1:{AppPort})", unhealthy.LastProbe!.Output);
        Assert.Single(unhealthy.LastProbe.Output.TrimEnd('\n').Split('\n'));
    }
}
