using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Registry.Faults;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// One test class's set-up for publishing through faults: a registry with htpasswd auth, a <see cref="FaultProxy"/> in
/// front of it that the SDK and ContainerHealth both push to (<c>ContainerRegistry=localhost:PROXYPORT</c>), the
/// packed ContainerHealth in a consumer app, and the chiseled base image in a second, anonymous registry (the SDK's
/// credential variables only cover the registry it pushes to).
/// </summary>
public sealed class FaultyRegistrySample : IAsyncLifetime
{
    private ConsumerProject? app;
    private TestRegistry? registry;
    private TestRegistry? baseRegistry;
    private FaultProxy? proxy;
    private FaultProxy? tlsProxy;
    private FaultProxy? bearerProxy;
    private BaseImage? baseImage;
    private BaseImage? multiPlatformBase;

    public TestRegistry Registry => registry ?? throw new InvalidOperationException("not started");

    public FaultProxy Proxy => proxy ?? throw new InvalidOperationException("not started");

    /// <summary>The same registry as an "insecure" one that speaks HTTPS (self-signed) on a non-loopback address.</summary>
    public FaultProxy TlsProxy => tlsProxy ?? throw new InvalidOperationException("not started");

    /// <summary>The anonymous registry behind token authentication (<see cref="BearerTokens"/>), as Docker Hub or GHCR serve it.</summary>
    public FaultProxy BearerProxy => bearerProxy ?? throw new InvalidOperationException("not started");

    /// <summary>The anonymous registry <see cref="BearerProxy"/> forwards to (it also serves the base images).</summary>
    public TestRegistry AnonymousRegistry => baseRegistry ?? throw new InvalidOperationException("not started");

    public ConsumerProject App => app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        registry = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());
        proxy = await FaultProxy.StartAsync(registry);
        tlsProxy = await FaultProxy.StartAsync(registry, FaultProxy.NonLoopbackAddress(), tls: true);
        app = await ConsumerProject.CreateWebAsync();
        App.WriteFile("Program.cs", await File.ReadAllTextAsync(Path.Combine(SampleProject.SourceDirectory, "Program.cs")));
        baseRegistry = await TestRegistry.StartAsync();
        baseImage = await BaseImages.PushAsync(baseRegistry, BaseImageKind.Chiseled);
        multiPlatformBase = await BaseImages.PushAsync(baseRegistry, BaseImageKind.MultiPlatform);
        bearerProxy = await FaultProxy.StartAsync(baseRegistry);
        bearerProxy.RequireBearerTokens();
    }

    /// <summary>Publish options for a fresh repository, so the SDK uploads every layer through the proxy.</summary>
    public ContainerPublishOptions Options(string repository) => new()
    {
        BaseImage = baseImage!.Reference,
        Registry = Registry,
        Repository = repository,
        Tag = "1.0",
        Properties = new Dictionary<string, string> { ["ContainerRegistry"] = Proxy.Address },
        Timeout = TimeSpan.FromMinutes(4),
    };

    /// <summary>linux-x64 and linux-arm64 on the multi-platform base: per-RID images and an index over them.</summary>
    public ContainerPublishOptions MultiRidOptions(string repository) => Options(repository) with
    {
        BaseImage = multiPlatformBase!.Reference,
        RuntimeIdentifier = null,
        Properties = new Dictionary<string, string> { ["ContainerRegistry"] = Proxy.Address, ["RuntimeIdentifiers"] = "linux-x64;linux-arm64" },
    };

    /// <summary>Through <see cref="TlsProxy"/>, listed in DOTNET_CONTAINER_INSECURE_REGISTRIES as the SDK requires.</summary>
    public ContainerPublishOptions InsecureHttpsOptions(string repository) => Options(repository) with
    {
        Properties = new Dictionary<string, string> { ["ContainerRegistry"] = TlsProxy.Address },
        Environment = new Dictionary<string, string?> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = TlsProxy.Address },
    };

    /// <summary>Through <see cref="BearerProxy"/>: every request needs a token from its token endpoint.</summary>
    public ContainerPublishOptions BearerOptions(string repository) => Options(repository) with
    {
        Registry = AnonymousRegistry,
        Properties = new Dictionary<string, string> { ["ContainerRegistry"] = BearerProxy.Address },
        // The SDK answers a Bearer challenge only with credentials (no anonymous token request); the token endpoint takes any.
        Environment = new Dictionary<string, string?> { ["DOTNET_CONTAINER_REGISTRY_UNAME"] = "ci", ["DOTNET_CONTAINER_REGISTRY_PWORD"] = "token-service-accepts-any" },
    };

    public Task<ContainerPublishResult> PublishAsync(ContainerPublishOptions options) =>
        ContainerPublisher.PublishAsync(App.ProjectFile, options);

    public async Task DisposeAsync()
    {
        app?.Dispose();
        foreach (var started in new[] { proxy, tlsProxy, bearerProxy })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }

        foreach (var started in new[] { registry, baseRegistry })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }
}
