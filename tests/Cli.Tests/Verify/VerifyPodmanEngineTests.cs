using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using Xunit.Abstractions;

namespace ContainerHealth.Cli.Tests.Verify;

/// <summary>
/// <c>container-health verify --engine podman ARCHIVE</c>: the image archive loaded into a private Podman, whose checks run
/// only when asked (no systemd here), so verify asks with <c>podman healthcheck run</c>; the container is removed after.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyPodmanEngineTests(BusyboxWebImage image, ITestOutputHelper output) : IClassFixture<BusyboxWebImage>, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task Archive_is_loaded_into_Podman_and_verified_healthy()
    {
        var docker = await DockerEngine.SharedAsync();
        var archive = directory.File("busybox-web.tar");
        (await docker.DockerAsync("save", "--output", archive, image.Tag)).EnsureSuccess();
        await using var podman = await PodmanEngine.CreateAsync();

        var result = await CliRun.RunAsync(["verify", archive, "--engine", "podman"], directory.Path, new Dictionary<string, string?>
        {
            ["CONTAINERS_CONF"] = Path.Combine(podman.Root, "containers.conf"),
            ["CONTAINERS_STORAGE_CONF"] = Path.Combine(podman.Root, "storage.conf"),
        });

        output.WriteLine(result.StandardOutput + result.StandardError);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^ContainerHealth: verified {archive} healthy in \d+\.\d s", result.StandardOutput);
        Assert.Equal("", (await podman.PodmanAsync("ps", "--all", "--quiet")).EnsureSuccess().StandardOutput.Trim());
    }

    public void Dispose() => directory.Dispose();
}
