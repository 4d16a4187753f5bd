using System.Globalization;
using ContainerHealth.Probe.Tests.Fixtures;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// The shipped probe as the HEALTHCHECK of a container from the test bed's <c>static</c> image (no libc, no shell),
/// run by runc with Docker's health check semantics, against a real Kestrel app in the container's network.
/// </summary>
public sealed class StaticImageTests
{
    private const int AppPort = 8080;

    [Fact]
    public async Task Probe_reports_healthy_then_unhealthy_from_inside_a_static_container()
    {
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Static);
        var image = await UnpackedImage.PullAsync(registry, baseImage.Reference);
        Assert.False(RootfsPath.Exists(image.Rootfs, "/bin/sh"), "the static image must have no shell");

        // What the package's targets do: the probe at the image root, executable by the image's non-root user.
        var probe = Path.Combine(image.Rootfs, "healthprobe");
        File.Copy(await ShippedProbe.PathForAsync("linux-x64"), probe);
        File.SetUnixFileMode(probe, (UnixFileMode)0b111_101_101);

        // The image has no program that stays up; a static busybox `sleep` stands in for the app process (pid 1),
        // and the app itself is Kestrel from the host, started inside the container's network namespace.
        Directory.CreateDirectory(Path.Combine(image.Rootfs, "testbed"));
        File.Copy("/bin/busybox", Path.Combine(image.Rootfs, "testbed", "sleep"));
        await using var container = await ContainerRunner.RunAsync(image, new ContainerRunOptions
        {
            Entrypoint = ["/testbed/sleep", "3600"],
            Environment = [$"ASPNETCORE_HTTP_PORTS={AppPort}"],
        });
        var check = new HealthcheckConfig(
            ["CMD", "/healthprobe"], Interval: TimeSpan.FromMilliseconds(200), Timeout: TimeSpan.FromSeconds(5), Retries: 2);

        HealthCheckReport healthy;
        using (var app = await EnvironmentConfiguredApp.StartAsync(
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = AppPort.ToString(CultureInfo.InvariantCulture) },
            launcher: ["nsenter", "-t", container.Pid.ToString(CultureInfo.InvariantCulture), "-n"]))
        {
            await container.WaitForListeningAsync(AppPort);
            healthy = await HealthCheckRunner.RunAsync(container, check);
        }

        var unhealthy = await HealthCheckRunner.RunAsync(container, check);

        Assert.True(healthy.Status == HealthStatus.Healthy, healthy.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{AppPort}/healthz", healthy.LastProbe!.Output);
        Assert.True(unhealthy.Status == HealthStatus.Unhealthy, unhealthy.ToString());
        Assert.Equal($"unhealthy: connection refused (127.0.0.1:{AppPort}, [::1]:{AppPort})\n", unhealthy.LastProbe!.Output);
    }
}
