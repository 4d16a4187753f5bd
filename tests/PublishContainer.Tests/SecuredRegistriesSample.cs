using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// Two registries with htpasswd auth and different users: the base image in one, the published image pushed to the
/// other, so each of the SDK's credential variables (push, pull, general) can be set alone.
/// </summary>
public sealed class SecuredRegistriesSample : IAsyncLifetime
{
    private ConsumerProject? app;
    private TestRegistry? output;
    private TestRegistry? baseRegistry;
    private BaseImage? baseImage;

    public TestRegistry Output => output ?? throw new InvalidOperationException("not started");

    public TestRegistry BaseRegistry => baseRegistry ?? throw new InvalidOperationException("not started");

    public BaseImage BaseImage => baseImage ?? throw new InvalidOperationException("not started");

    public ConsumerProject App => app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        output = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());
        baseRegistry = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());
        baseImage = await BaseImages.PushAsync(baseRegistry, BaseImageKind.Chiseled);
        app = await ConsumerProject.CreateWebAsync();
        App.WriteFile("Program.cs", await File.ReadAllTextAsync(Path.Combine(SampleProject.SourceDirectory, "Program.cs")));
    }

    /// <summary>A publish to <see cref="Output"/> with exactly <paramref name="variables"/> as credentials (the general pair cleared).</summary>
    public Task<ContainerPublishResult> PublishAsync(string repository, IReadOnlyDictionary<string, string?> variables)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CONTAINER_REGISTRY_UNAME"] = null,
            ["DOTNET_CONTAINER_REGISTRY_PWORD"] = null,
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return ContainerPublisher.PublishAsync(App.ProjectFile, new ContainerPublishOptions
        {
            BaseImage = BaseImage.Reference,
            Registry = Output,
            Repository = repository,
            Tag = "1.0",
            Environment = environment,
            Timeout = TimeSpan.FromMinutes(4),
        });
    }

    public async Task DisposeAsync()
    {
        app?.Dispose();
        foreach (var started in new[] { output, baseRegistry })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }
}
