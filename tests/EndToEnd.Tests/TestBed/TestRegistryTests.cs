using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

[Trait("Tier", "Engine")]
public sealed class TestRegistryTests
{
    [Fact]
    public async Task Registry_serves_the_v2_API_on_localhost_and_stops_on_dispose()
    {
        var registry = await TestRegistry.StartAsync();
        int pid;
        string directory;
        await using (registry)
        {
            Assert.Matches(@"^localhost:\d+$", registry.Address);
            using var client = registry.CreateClient();
            using var response = await client.GetAsync("v2/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pid = registry.ProcessId;
            directory = registry.Directory;
            Assert.True(Directory.Exists(directory));
        }

        Assert.False(IsRunning(pid));
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Pushed_base_image_round_trips_as_an_OCI_manifest()
    {
        await using var registry = await TestRegistry.StartAsync();

        var image = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);

        Assert.Equal($"{registry.Address}/chiseled:10.0", image.Reference);
        using var client = registry.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/chiseled/manifests/10.0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OciMediaTypes.Manifest));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OciMediaTypes.Manifest, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registry_with_htpasswd_refuses_anonymous_and_accepts_its_user()
    {
        await using var registry = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());

        using var anonymous = new HttpClient { BaseAddress = registry.BaseUri };
        using var refused = await anonymous.GetAsync("v2/");
        using var client = registry.CreateClient();
        using var accepted = await client.GetAsync("v2/");
        var image = await BaseImages.PushAsync(registry, BaseImageKind.Static);
        using var pulled = await client.GetAsync($"v2/{image.Repository}/tags/list");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("\"latest\"", await pulled.Content.ReadAsStringAsync());
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
