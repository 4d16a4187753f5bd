using ContainerHealth.TestBed.Registry;
using System.IO.Compression;
using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.Cli.Tests;

/// <summary><c>container-health inspect</c> on test-bed images: in a registry, in an OCI layout, in image archives.</summary>
[Trait("Tier", "Engine")]
public sealed class InspectCommandTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task Chiseled_image_in_a_registry_shows_no_shell_no_curl_no_wget_as_a_table()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Chiseled);

        var run = await CliRun.RunAsync(["inspect", image.Reference]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.StandardError); // not a terminal: no progress line
        var rows = Rows(run.StandardOutput);
        Assert.Equal(image.Reference, rows["Image"]);
        Assert.Equal("linux/amd64", rows["Platform"]);
        Assert.Equal("layers", rows["Read from"]);
        Assert.Equal("none", rows["Shell"]);
        Assert.Equal("no", rows["curl"]);
        Assert.Equal("no", rows["wget"]);
        Assert.Equal("glibc", rows["libc"]);
        Assert.Equal("1654", rows["User"]);
        Assert.Equal("ASPNETCORE_HTTP_PORTS=8080", rows["Port env"]);
        Assert.Equal("none", rows["Healthcheck"]);
        Assert.StartsWith("sha256:", rows["Manifest"]);
    }

    [Fact]
    public async Task Busybox_image_in_a_registry_as_json_has_a_shell_and_wget_but_no_curl()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);

        var run = await CliRun.RunAsync(["inspect", image.Reference, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(image.Reference, root.GetProperty("image").GetString());
        Assert.Equal("layers", root.GetProperty("source").GetString());
        Assert.True(root.GetProperty("shell").GetBoolean());
        Assert.Equal("/bin/busybox", root.GetProperty("shellPath").GetString());
        Assert.True(root.GetProperty("wget").GetBoolean());
        Assert.False(root.GetProperty("curl").GetBoolean());
        Assert.Contains("wget", root.GetProperty("busyboxApplets").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["linux/amd64"], root.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("healthcheck").ValueKind);
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Multi_platform_image_lists_its_platforms_and_inspects_the_one_asked_for()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.MultiPlatform);

        var run = await CliRun.RunAsync(["inspect", image.Reference, "--platform", "linux/arm64", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("linux/arm64", json.RootElement.GetProperty("platform").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], json.RootElement.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public async Task Platform_the_image_does_not_have_is_a_usage_error_naming_the_platforms_it_has()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.MultiPlatform);

        var run = await CliRun.RunAsync(["inspect", image.Reference, "--platform", "linux/s390x"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no image for linux/s390x; it has linux/amd64, linux/arm64/v8", run.StandardError);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task Static_image_in_an_oci_layout_directory_is_read_from_its_layers()
    {
        var layout = await BaseImageLayout.GetAsync();

        var run = await CliRun.RunAsync(["inspect", $"{layout}:static"]);

        Assert.Equal(0, run.ExitCode);
        var rows = Rows(run.StandardOutput);
        Assert.Equal("none", rows["Shell"]);
        Assert.Equal("none", rows["libc"]);
        Assert.Equal("65532", rows["User"]);
    }

    [Fact]
    public async Task Layout_holding_several_images_without_a_name_is_CH1005_listing_the_names()
    {
        var layout = await BaseImageLayout.GetAsync();

        var run = await CliRun.RunAsync(["inspect", layout]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Contains("error CH1005:", run.StandardError);
        Assert.Contains("holds several images (chiseled, ", run.StandardError);
        Assert.Contains("name one as PATH:REF", run.StandardError);
    }

    [Theory]
    [InlineData("oci-archive")]
    [InlineData("docker-archive")]
    [InlineData("docker-archive+gzip")]
    public async Task Busybox_image_in_an_archive_is_read_from_its_layers(string transport)
    {
        using var directory = new TemporaryDirectory();
        var archive = directory.File("busybox.tar");
        var destination = transport.StartsWith("docker-archive", StringComparison.Ordinal) ? $"docker-archive:{archive}:busybox:1.0" : $"oci-archive:{archive}";
        (await ProcessRunner.RunAsync("skopeo", ["copy", "--quiet", "--insecure-policy", $"oci:{await BaseImageLayout.GetAsync()}:busybox", destination])).EnsureSuccess();
        if (transport.EndsWith("+gzip", StringComparison.Ordinal))
        {
            // docker save | gzip > image.tar.gz
            using (var source = File.OpenRead(archive))
            using (var gzip = new GZipStream(File.Create(archive + ".gz"), CompressionLevel.Fastest))
            {
                source.CopyTo(gzip);
            }

            archive += ".gz";
        }

        var run = await CliRun.RunAsync(["inspect", archive, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.True(json.RootElement.GetProperty("shell").GetBoolean());
        Assert.True(json.RootElement.GetProperty("wget").GetBoolean());
        Assert.False(json.RootElement.GetProperty("curl").GetBoolean());
    }

    [Fact]
    public async Task Unreachable_registry_is_CH1005_and_exit_1_without_a_stack_trace()
    {
        var run = await CliRun.RunAsync(["inspect", "localhost:1/nothing:1.0"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning CH1005: The base image localhost:1/nothing:1.0", run.StandardError);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task Progress_is_drawn_on_a_terminal_while_layers_download()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Chiseled);
        using var home = new TemporaryDirectory();
        var tool = await InstalledCli.GetAsync();

        // script(1) gives the tool a pseudo-terminal; HOME and XDG_CACHE_HOME point at empty caches so layers download.
        var run = await ProcessRunner.RunAsync(
            "script", ["-qec", $"{tool} inspect --no-cache {image.Reference}", "/dev/null"],
            environment: new Dictionary<string, string?> { ["HOME"] = home.Path, ["XDG_CACHE_HOME"] = home.Path, ["TERM"] = "dumb" },
            timeout: TimeSpan.FromMinutes(3));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"downloading layers \d+/\d+  \d+\.\d / \d+\.\d MB", run.StandardOutput);
        Assert.Contains("Shell        none", run.StandardOutput);
    }

    private static Dictionary<string, string> Rows(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .Select(line => (Label: line[..13].Trim(), Value: line[13..]))
            .ToDictionary(r => r.Label, r => r.Value);
}
