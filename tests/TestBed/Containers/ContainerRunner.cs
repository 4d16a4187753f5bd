using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// <c>docker run -d</c> without Docker: pull (skopeo) → unpack (umoci) → runc create, loopback up, runc start.
/// <code>
/// await using var container = await ContainerRunner.RunAsync(registry, "localhost:PORT/app:1");
/// await container.WaitForListeningAsync(8080);
/// var exec = await container.ExecAsync(["/bin/sh", "-c", "curl -f http://localhost:8080/"]);   // exec.ExitCode == -1, exec.Output == Docker's error
/// var health = await HealthCheckRunner.RunAsync(container, check);
/// </code>
/// </summary>
public static class ContainerRunner
{
    public static async Task<RunningContainer> RunAsync(TestRegistry registry, string reference, ContainerRunOptions? options = null) =>
        await RunAsync(await UnpackedImage.PullAsync(registry, reference), options);

    /// <summary>Runs the tarball that <c>ContainerArchiveOutputPath</c> makes.</summary>
    public static async Task<RunningContainer> RunArchiveAsync(string archive, ContainerRunOptions? options = null) =>
        await RunAsync(await UnpackedImage.FromArchiveAsync(archive), options);

    /// <summary>Runs an unpacked image; the container takes ownership of it (disposing the container deletes it).</summary>
    public static async Task<RunningContainer> RunAsync(UnpackedImage image, ContainerRunOptions? options = null)
    {
        await Leftovers.LeftoverLedger.EnsureSweptAsync();
        return await RunningContainer.StartAsync(image, options ?? new ContainerRunOptions());
    }
}
