using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// One test class's app and registry: a consumer project referencing the packed ContainerHealth, with the HealthySample's
/// Program.cs (GET /healthz → 200). The tests of a class publish it one after another, so its obj/ stays warm.
/// </summary>
public sealed class PackagedSample : IAsyncLifetime
{
    private ConsumerProject? app;
    private TestRegistry? registry;

    public ConsumerProject App => app ?? throw new InvalidOperationException("not started");

    public TestRegistry Registry => registry ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        registry = await TestRegistry.StartAsync();
        app = await ConsumerProject.CreateWebAsync();
        App.WriteFile("Program.cs", await File.ReadAllTextAsync(Path.Combine(SampleProject.SourceDirectory, "Program.cs")));
    }

    public Task<ContainerPublishResult> PublishAsync(ContainerPublishOptions options) =>
        ContainerPublisher.PublishAsync(App.ProjectFile, options);

    public string PublishDirectory(string rid) => Path.Combine(App.Directory, "bin", "Release", "net10.0", rid, "publish");

    public async Task DisposeAsync()
    {
        app?.Dispose();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}
