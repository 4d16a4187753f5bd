using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Core.Tests.Inspection;

/// <summary>One test-bed registry per test class, with the fixture base images pushed on demand.</summary>
public sealed class FixtureRegistry : IAsyncLifetime
{
    private TestRegistry? registry;

    public TestRegistry Registry => registry ?? throw new InvalidOperationException("not started");

    public Task<BaseImage> PushAsync(BaseImageKind kind) => BaseImages.PushAsync(Registry, kind);

    public async Task InitializeAsync() => registry = await TestRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}
