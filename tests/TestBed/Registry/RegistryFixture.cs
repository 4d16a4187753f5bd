using Xunit;

namespace ContainerHealth.TestBed.Registry;

/// <summary>One registry shared by the tests of a class (xunit class fixture).</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private TestRegistry? registry;

    public TestRegistry Registry => registry ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => registry = await TestRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}
