using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Core.Tests.Inspection;

/// <summary>Inspection of every test-bed base image, pushed to a real registry, read back through the registry client.</summary>
[Trait("Tier", "Engine")]
public sealed class BaseImageInspectorTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly TemporaryDirectory cacheDirectory = new("ch-inspect-cache-");
    private readonly RegistryClient client = new(new RegistryClientOptions { Credentials = FixedCredentialSource.None });

    [Fact]
    public async Task Chiseled_has_no_shell_no_curl_no_wget_but_glibc_and_its_user()
    {
        var facts = await InspectAsync(BaseImageKind.Chiseled);

        Assert.Equal(FactsSource.Layers, facts.Source);
        Assert.False(facts.HasShell);
        Assert.False(facts.HasCurl);
        Assert.False(facts.HasWget);
        Assert.Equal(LibcKind.Glibc, facts.Libc);
        Assert.Equal("1654", facts.User);
        Assert.Contains("dotnet", facts.ExecutablesOnPath);
        Assert.Equal("no shell, no curl, no wget", facts.Describe());
    }

    [Fact]
    public async Task Noble_like_has_a_shell_through_merged_usr()
    {
        var facts = await InspectAsync(BaseImageKind.NobleLike);

        Assert.True(facts.HasShell);
        Assert.Equal("/usr/bin/dash", facts.ShellTarget);
        Assert.False(facts.HasCurl);
        Assert.False(facts.HasWget);
        Assert.True(facts.HasProgram("/bin/sh"));
        Assert.True(facts.HasProgram("sh"));
    }

    [Theory]
    [InlineData(BaseImageKind.Busybox)]
    [InlineData(BaseImageKind.BusyboxHardlinks)]
    public async Task Busybox_applets_count_as_programs_whether_symlinked_or_hard_linked(BaseImageKind kind)
    {
        var facts = await InspectAsync(kind);

        Assert.True(facts.HasShell);
        Assert.True(facts.HasWget);
        Assert.False(facts.HasCurl);
        Assert.Contains("wget", facts.BusyboxApplets);
        Assert.Contains("wget (busybox)", facts.Describe());
    }

    [Fact]
    public async Task Static_has_no_libc_no_shell_and_the_nonroot_user()
    {
        var facts = await InspectAsync(BaseImageKind.Static);

        Assert.Equal(LibcKind.None, facts.Libc);
        Assert.False(facts.HasShell);
        Assert.Equal("65532", facts.User);
    }

    [Theory]
    [InlineData(BaseImageKind.ShellWhitedOut)]
    [InlineData(BaseImageKind.ShellHiddenByOpaqueDirectory)]
    public async Task Whiteouts_and_opaque_directories_take_the_shell_away(BaseImageKind kind)
    {
        var facts = await InspectAsync(kind);

        Assert.Equal(FactsSource.Layers, facts.Source);
        Assert.False(facts.HasShell);
        Assert.False(facts.HasProgram("/bin/sh"));
        Assert.False(facts.HasWget);
    }

    [Fact]
    public async Task A_multi_platform_index_is_read_for_the_runtime_identifiers_platform()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.MultiPlatform);
        var inspector = Inspector();

        var x64 = await inspector.InspectAsync(ImageReference.Parse(image.Reference), "linux-x64");
        var arm64 = await inspector.InspectAsync(ImageReference.Parse(image.Reference), "linux-arm64");
        var arm = await inspector.InspectAsync(ImageReference.Parse(image.Reference), "linux-arm");

        Assert.Equal("linux/amd64", x64.Facts.Platform);
        Assert.Contains("dotnet", x64.Facts.ExecutablesOnPath);
        Assert.Equal("linux/arm64", arm64.Facts.Platform);
        Assert.NotEqual(x64.Facts.ManifestDigest, arm64.Facts.ManifestDigest);
        Assert.Null(arm64.Warning);
        Assert.Equal(DiagnosticCodes.InspectionFailed, arm.Warning?.Code);
        Assert.Contains("linux/arm/v7", arm.Warning?.Message);
    }

    [Fact]
    public async Task The_second_inspection_comes_from_the_cache_and_survives_the_registry_going_away()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = await BaseImages.PushAsync(registry, BaseImageKind.NobleLike);
        var reference = ImageReference.Parse(image.Reference);

        var cold = await Inspector().InspectAsync(reference, "linux-x64");
        var warm = await Inspector().InspectAsync(reference, "linux-x64");
        await registry.DisposeAsync();
        var offline = await Inspector(new RegistryClient(new RegistryClientOptions
        {
            Credentials = FixedCredentialSource.None, MaxAttempts = 1,
        })).InspectAsync(reference, "linux-x64");

        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.True(offline.FromCache);
        Assert.Null(offline.Warning);
        Assert.Equal(cold.Facts.ExecutablesOnPath, warm.Facts.ExecutablesOnPath);
        Assert.True(warm.Facts.HasProgram("/usr/bin/dash"));
        Assert.False(warm.Facts.HasProgram("/usr/bin/curl"));
    }

    [Fact]
    public async Task Cached_facts_of_an_index_platform_cost_one_manifest_request_and_a_moved_tag_is_read_anew()
    {
        await using var registry = await TestRegistry.StartAsync();
        var index = await BaseImages.PushAsync(registry, BaseImageKind.MultiPlatform);
        var noble = await BaseImages.PushAsync(registry, BaseImageKind.NobleLike);
        var moving = ImageReference.Parse($"{registry.Address}/moving:1");
        await CopyAsync(index.Reference, moving, all: true);
        var options = new RegistryClientOptions { Credentials = FixedCredentialSource.None };
        var requests = new ManifestRequests(RegistryClient.CreateHandler(options));
        using var counted = new RegistryClient(options, requests);

        var cold = await Inspector(counted).InspectAsync(moving, "linux-x64");
        requests.Paths.Clear();
        var warm = await Inspector(counted).InspectAsync(moving, "linux-x64");
        string[] warmRequests = [.. requests.Paths];
        await CopyAsync(noble.Reference, moving, all: false);
        var moved = await Inspector(counted).InspectAsync(moving, "linux-x64");

        Assert.True(warm.FromCache);
        Assert.Equal(cold.Facts.ManifestDigest, warm.Facts.ManifestDigest);
        Assert.Equal(["/v2/moving/manifests/1"], warmRequests);
        Assert.False(cold.Facts.HasShell);
        Assert.False(moved.FromCache);
        Assert.True(moved.Facts.HasShell);
    }

    [Fact]
    public async Task A_base_image_pinned_by_digest_with_cached_facts_needs_no_request()
    {
        await using var registry = await TestRegistry.StartAsync();
        var index = await BaseImages.PushAsync(registry, BaseImageKind.MultiPlatform);
        var byTag = ImageReference.Parse(index.Reference);
        var indexDigest = (await client.GetManifestAsync(byTag)).Digest;
        var pinned = byTag.WithDigest(indexDigest);
        var options = new RegistryClientOptions { Credentials = FixedCredentialSource.None };
        var requests = new ManifestRequests(RegistryClient.CreateHandler(options));
        using var counted = new RegistryClient(options, requests);

        var cold = await Inspector(counted).InspectAsync(pinned, "linux-arm64");
        requests.Paths.Clear();
        var warm = await Inspector(counted).InspectAsync(pinned, "linux-arm64");
        var otherPlatform = await Inspector(counted).InspectAsync(pinned, "linux-x64");

        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(cold.Facts.ManifestDigest, warm.Facts.ManifestDigest);
        Assert.Equal("linux/arm64", warm.Facts.Platform);
        Assert.Equal(["/v2/multi-platform/manifests/" + indexDigest, "/v2/multi-platform/manifests/" + otherPlatform.Facts.ManifestDigest], requests.Paths);
    }

    [Fact]
    public async Task A_registry_with_basic_auth_is_read_with_credentials_and_refused_without()
    {
        var credentials = RegistryCredentials.CreateRandom();
        await using var registry = await TestRegistry.StartAsync(credentials);
        var image = ImageReference.Parse((await BaseImages.PushAsync(registry, BaseImageKind.Chiseled)).Reference);
        using var authenticated = new RegistryClient(new RegistryClientOptions
        {
            Credentials = new FixedCredentialSource(new Dictionary<string, RegistryCredential>
            {
                [registry.Address] = new(credentials.UserName, credentials.Password),
            }),
        });

        var allowed = await Inspector(authenticated).InspectAsync(image, "linux-x64");
        var refused = await Inspector().InspectAsync(image, "linux-x64");

        Assert.Equal(FactsSource.Layers, allowed.Facts.Source);
        Assert.False(allowed.Facts.HasShell);
        Assert.Equal(DiagnosticCodes.InspectionFailed, refused.Warning?.Code);
        Assert.Contains("401", refused.Warning?.Message);
        Assert.DoesNotContain(credentials.Password, refused.Warning?.Message);
        Assert.Equal(FactsSource.Unknown, refused.Facts.Source);
    }

    [Fact]
    public async Task No_registry_at_all_is_CH1005_with_the_reason_and_a_judgement_by_name()
    {
        var inspector = Inspector(new RegistryClient(new RegistryClientOptions
        {
            Credentials = FixedCredentialSource.None, MaxAttempts = 1,
        }));

        var byName = await inspector.InspectAsync(ImageReference.Parse("localhost:1/dotnet/aspnet:10.0-noble-chiseled"), "linux-x64");

        Assert.Equal(DiagnosticCodes.InspectionFailed, byName.Warning?.Code);
        Assert.Contains("unreachable", byName.Warning?.Message);
        Assert.Equal(FactsSource.Unknown, byName.Facts.Source);
        Assert.Contains("Checks that need the image's contents are skipped", byName.Warning?.Message);
    }

    [Fact]
    public async Task An_unreachable_well_known_registry_is_CH1005_and_judged_by_name()
    {
        // Every connection goes to a closed loopback port: mcr.microsoft.com is unreachable here whatever the network.
        var closedPort = FreePort();
        var nowhere = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, closedPort, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var offline = new RegistryClient(new RegistryClientOptions { Credentials = FixedCredentialSource.None, MaxAttempts = 1 }, nowhere);

        var inspection = await Inspector(offline).InspectAsync(ImageReference.Parse("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled"), "linux-x64");

        Assert.Equal(DiagnosticCodes.InspectionFailed, inspection.Warning?.Code);
        Assert.Contains("mcr.microsoft.com is unreachable", inspection.Warning?.Message);
        Assert.Contains("Judged by name instead: no shell, no curl, no wget", inspection.Warning?.Message);
        Assert.Equal(FactsSource.Name, inspection.Facts.Source);
        Assert.False(inspection.Facts.HasShell);
    }

    [Fact]
    public async Task A_corrupt_layer_is_CH1005_not_a_crash()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = ImageReference.Parse((await BaseImages.PushAsync(registry, BaseImageKind.Static)).Reference);
        var manifest = (await client.GetManifestAsync(image)).ReadManifest();
        var layer = manifest.Layers[^1].Digest;
        var stored = Directory.GetFiles(registry.Directory, "data", SearchOption.AllDirectories).Single(p => p.Contains(ContentDigest.Hex(layer)));
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[bytes.Length / 2] ^= 0xff;
        await File.WriteAllBytesAsync(stored, bytes);

        var inspection = await Inspector().InspectAsync(image, "linux-x64");

        Assert.Equal(DiagnosticCodes.InspectionFailed, inspection.Warning?.Code);
        Assert.Contains(ContentDigest.Hex(layer)[..12], inspection.Warning?.Message);
    }

    [Fact]
    public async Task Layers_the_SDK_already_pulled_are_read_from_its_cache()
    {
        await using var registry = await TestRegistry.StartAsync();
        var image = ImageReference.Parse((await BaseImages.PushAsync(registry, BaseImageKind.Busybox)).Reference);
        var manifest = (await client.GetManifestAsync(image)).ReadManifest();
        var sdkContent = cacheDirectory.Info.CreateSubdirectory("sdk-content").FullName;
        foreach (var layer in manifest.Layers)
        {
            // What the SDK leaves behind, then the registry loses the blobs: only the SDK's copies can answer.
            await File.WriteAllBytesAsync(Path.Combine(sdkContent, ContentDigest.Hex(layer.Digest) + ".tar.gz"), await client.GetBlobBytesAsync(image, layer.Digest));
            foreach (var stored in Directory.GetFiles(registry.Directory, "data", SearchOption.AllDirectories).Where(p => p.Contains(ContentDigest.Hex(layer.Digest))))
            {
                File.Delete(stored);
            }
        }

        var withSdkCache = await new BaseImageInspector(client, new InspectionCache(cacheDirectory.Path)) { SdkLayerDirectories = [sdkContent] }
            .InspectAsync(image, "linux-x64");
        var without = await new BaseImageInspector(client) { SdkLayerDirectories = [] }.InspectAsync(image, "linux-x64");

        Assert.Null(withSdkCache.Warning);
        Assert.True(withSdkCache.Facts.HasWget);
        Assert.Equal(DiagnosticCodes.InspectionFailed, without.Warning?.Code);
    }

    public void Dispose()
    {
        client.Dispose();
        cacheDirectory.Dispose();
    }

    private async Task<ImageFacts> InspectAsync(BaseImageKind kind)
    {
        var image = await BaseImages.PushAsync(fixture.Registry, kind);
        var inspection = await Inspector().InspectAsync(ImageReference.Parse(image.Reference), "linux-x64");
        Assert.Null(inspection.Warning);
        return inspection.Facts;
    }

    private static async Task CopyAsync(string source, ImageReference destination, bool all)
    {
        List<string> arguments = ["copy", "--quiet", "--insecure-policy", "--src-tls-verify=false", "--dest-tls-verify=false"];
        if (all)
        {
            arguments.Add("--all");
        }

        arguments.AddRange(["docker://" + source, "docker://" + destination]);
        (await ProcessRunner.RunAsync("skopeo", arguments, timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
    }

    /// <summary>The paths of the manifest requests the client sends, on their way to the real registry.</summary>
    private sealed class ManifestRequests(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Paths { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.Contains("/manifests/", StringComparison.Ordinal))
            {
                Paths.Enqueue(request.RequestUri.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private BaseImageInspector Inspector(RegistryClient? registryClient = null) =>
        new(registryClient ?? client, new InspectionCache(cacheDirectory.Path)) { SdkLayerDirectories = [] };
}
