using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// <c>docker pull</c> / <c>docker load</c> + <c>docker run -d --network none</c> on the test process's private engine.
/// <code>
/// await using var container = await ContainerRunner.RunAsync(registry, "localhost:PORT/app:1");
/// await container.WaitForListeningAsync(8080);
/// var health = await container.WaitForHealthAsync();      // the engine's own State.Health: Healthy, with the probe's line
/// </code>
/// </summary>
public static class ContainerRunner
{
    /// <summary>Pulls from a test registry (for <paramref name="platform"/>, e.g. <c>linux/amd64</c>, from an index) and runs it.</summary>
    public static async Task<RunningContainer> RunAsync(TestRegistry registry, string reference, ContainerRunOptions? options = null, string? platform = null)
    {
        await PullAsync(registry, reference, platform);
        return await RunImageAsync(reference, options);
    }

    /// <summary><c>docker pull</c> from a test registry into the engine (logged in first when the registry needs it).</summary>
    public static async Task PullAsync(TestRegistry registry, string reference, string? platform = null)
    {
        var engine = await DockerEngine.SharedAsync();
        if (registry.Credentials is { } credentials)
        {
            await engine.LoginAsync(registry.Address, credentials);
        }

        List<string> pull = ["pull", "--quiet"];
        if (platform is not null)
        {
            pull.AddRange(["--platform", platform]);
        }

        (await engine.DockerAsync([.. pull, reference], TimeSpan.FromMinutes(3))).EnsureSuccess();
    }

    /// <summary>
    /// Loads the tarball that <c>ContainerArchiveOutputPath</c> makes and runs it: a docker-archive through <c>docker load</c>;
    /// an OCI archive, which Docker 20.10 cannot load, through skopeo's docker-daemon transport.
    /// </summary>
    public static async Task<RunningContainer> RunArchiveAsync(string archive, ContainerRunOptions? options = null) =>
        await RunImageAsync(await ArchiveLoader.LoadAsync(await DockerEngine.SharedAsync(), archive), options);

    /// <summary>Runs an image the engine already has (pulled, loaded, or published into it by the SDK).</summary>
    public static async Task<RunningContainer> RunImageAsync(string image, ContainerRunOptions? options = null) =>
        await RunningContainer.StartAsync(await DockerEngine.SharedAsync(), image, options ?? new ContainerRunOptions());
}
