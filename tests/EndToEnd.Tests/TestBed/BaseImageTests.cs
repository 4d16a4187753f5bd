using ContainerHealth.TestBed.Registry;
using System.Net.Http.Headers;
using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

/// <summary>Each fixture base image, pushed to a real registry, pulled with skopeo and unpacked with umoci.</summary>
[Trait("Tier", "Engine")]
public sealed class BaseImageTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task Chiseled_has_the_dotnet_runtime_and_no_shell_curl_or_wget()
    {
        using var image = await PullAsync(BaseImageKind.Chiseled);

        Assert.True(image.Exists("/usr/share/dotnet/dotnet"));
        Assert.True(image.Exists("/usr/bin/dotnet"));
        Assert.True(image.Exists($"/usr/share/dotnet/shared/Microsoft.AspNetCore.App/{BaseImageRecipes.RuntimeVersion("Microsoft.AspNetCore.App")}/Microsoft.AspNetCore.dll"));
        Assert.True(image.Exists("/lib64/ld-linux-x86-64.so.2"));
        Assert.True(image.Exists("/lib/x86_64-linux-gnu/libc.so.6"));
        Assert.False(image.Exists("/bin/sh"));
        Assert.False(image.Exists("/usr/bin/sh"));
        Assert.False(image.Exists("/usr/bin/curl"));
        Assert.False(image.Exists("/usr/bin/wget"));
        Assert.Equal("1654", image.Config.User);
        Assert.Equal("8080", image.Config.GetEnv("ASPNETCORE_HTTP_PORTS"));
        Assert.Equal("true", image.Config.GetEnv("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"));
        Assert.Equal("true", image.Config.GetEnv("DOTNET_RUNNING_IN_CONTAINER"));
        Assert.Equal("1654", image.Config.GetEnv("APP_UID"));
        Assert.Equal("amd64", image.Config.Architecture);
    }

    [Fact]
    public async Task Noble_like_has_dash_as_sh_through_merged_usr_and_no_curl_or_wget()
    {
        using var image = await PullAsync(BaseImageKind.NobleLike);

        Assert.True(RootfsPath.IsSymlink(image.Rootfs, "/bin"));
        Assert.Equal(Path.Combine(image.Rootfs, "usr", "bin", "dash"), RootfsPath.Resolve(image.Rootfs, "/bin/sh"));
        Assert.True(image.Exists("/bin/cat"));
        Assert.True(image.Exists("/usr/share/dotnet/dotnet"));
        Assert.False(image.Exists("/usr/bin/curl"));
        Assert.False(image.Exists("/usr/bin/wget"));
    }

    [Fact]
    public async Task Busybox_has_sh_and_wget_as_symlinks_to_busybox_and_no_curl()
    {
        using var image = await PullAsync(BaseImageKind.Busybox);

        Assert.True(RootfsPath.IsSymlink(image.Rootfs, "/bin/sh"));
        Assert.True(RootfsPath.IsSymlink(image.Rootfs, "/usr/bin/wget"));
        Assert.Equal(Path.Combine(image.Rootfs, "bin", "busybox"), RootfsPath.Resolve(image.Rootfs, "/usr/bin/wget"));
        Assert.False(image.Exists("/usr/bin/curl"));
    }

    [Fact]
    public async Task Busybox_hardlinks_has_sh_and_wget_as_hard_links_of_busybox()
    {
        using var image = await PullAsync(BaseImageKind.BusyboxHardlinks);

        Assert.False(RootfsPath.IsSymlink(image.Rootfs, "/bin/sh"));
        var busybox = await InodeAsync(Path.Combine(image.Rootfs, "bin", "busybox"));
        Assert.Equal(busybox, await InodeAsync(Path.Combine(image.Rootfs, "bin", "sh")));
        Assert.Equal(busybox, await InodeAsync(Path.Combine(image.Rootfs, "bin", "wget")));
        Assert.False(image.Exists("/usr/bin/curl"));
    }

    [Fact]
    public async Task Static_has_no_libc_and_no_shell()
    {
        using var image = await PullAsync(BaseImageKind.Static);

        Assert.True(image.Exists("/etc/passwd"));
        Assert.True(image.Exists("/etc/ssl/certs/ca-certificates.crt"));
        Assert.False(image.Exists("/lib/x86_64-linux-gnu/libc.so.6"));
        Assert.False(image.Exists("/usr/lib/x86_64-linux-gnu/libc.so.6"));
        Assert.False(image.Exists("/bin/sh"));
        Assert.Equal("65532", image.Config.User);
    }

    [Fact]
    public async Task Whiteouts_in_an_upper_layer_delete_sh_and_dash()
    {
        using var image = await PullAsync(BaseImageKind.ShellWhitedOut);

        Assert.False(image.Exists("/bin/sh"));
        Assert.False(image.Exists("/usr/bin/dash"));
        Assert.True(image.Exists("/usr/bin/cat"));
        Assert.Empty(Directory.GetFiles(Path.Combine(image.Rootfs, "usr", "bin"), ".wh.*"));
    }

    [Fact]
    public async Task Opaque_bin_in_an_upper_layer_hides_busybox_sh_and_wget()
    {
        using var image = await PullAsync(BaseImageKind.ShellHiddenByOpaqueDirectory);

        Assert.True(Directory.Exists(Path.Combine(image.Rootfs, "bin")));
        Assert.False(image.Exists("/bin/sh"));
        Assert.False(image.Exists("/bin/busybox"));
        Assert.True(RootfsPath.IsSymlink(image.Rootfs, "/usr/bin/wget"));
        Assert.False(image.Exists("/usr/bin/wget"));
    }

    [Fact]
    public async Task Multi_platform_index_lists_amd64_and_arm64_with_matching_configs()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.MultiPlatform);
        using var client = fixture.Registry.CreateClient();

        using var index = await GetJsonAsync(client, $"v2/{image.Repository}/manifests/{image.Tag}", OciMediaTypes.Index);
        var platforms = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform").GetProperty("architecture").GetString())
            .ToList();
        using var arm64 = await UnpackedImage.PullAsync(fixture.Registry, image.Reference, architecture: "arm64");
        using var amd64 = await UnpackedImage.PullAsync(fixture.Registry, image.Reference);

        Assert.Equal(["amd64", "arm64"], platforms);
        Assert.Equal("arm64", arm64.Config.Architecture);
        Assert.Equal("linux", arm64.Config.Os);
        Assert.Equal("amd64", amd64.Config.Architecture);
        Assert.True(amd64.Exists("/usr/share/dotnet/dotnet"));
    }

    private async Task<UnpackedImage> PullAsync(BaseImageKind kind)
    {
        var image = await BaseImages.PushAsync(fixture.Registry, kind);
        return await UnpackedImage.PullAsync(fixture.Registry, image.Reference);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> InodeAsync(string path) =>
        (await ProcessRunner.RunAsync("stat", ["-c", "%d:%i", path])).EnsureSuccess().StandardOutput.Trim();
}
