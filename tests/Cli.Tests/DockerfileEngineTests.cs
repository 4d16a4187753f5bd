using System.Text.RegularExpressions;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// Dockerfile users end to end, on the private engine (offline: bases from the test registry): a dotnet-docker-style
/// Dockerfile over a publish that carries the probe is healthy with the line the publish printed; the same Dockerfile with
/// a curl check on the chiseled-like base is CH1001/CH1002 from lint and unhealthy under the engine; and the probe-only
/// image pushed by <c>probe image</c>, copied into a static non-.NET image, makes it healthy.
/// </summary>
[Trait("Tier", "Engine")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class DockerfileEngineTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly ContainerRunOptions ShortInterval = new() { HealthCheck = new HealthcheckConfig([], Interval: TimeSpan.FromMilliseconds(300)) };

    [Fact]
    public async Task A_publish_for_linux_carries_the_probe_and_its_printed_HEALTHCHECK_makes_the_Dockerfile_image_healthy_while_curl_is_linted_and_unhealthy()
    {
        var baseImage = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Chiseled);
        using var app = await ConsumerProject.CreateWebAsync();
        app.WriteFile("Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """);
        using var context = new TemporaryDirectory();

        var publish = await app.DotnetAsync("publish", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", Path.Combine(context.Path, "app"));

        publish.EnsureSuccess();
        var printed = HealthCheckLine().Match(publish.Output);
        Assert.True(printed.Success, publish.Output);
        Assert.Equal("""HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/app/healthprobe","--path","/healthz","--timeout","4s"]""", printed.Groups["line"].Value.Trim());
        Assert.True((File.GetUnixFileMode(Path.Combine(context.Path, "app", "healthprobe")) & UnixFileMode.UserExecute) != 0);

        // The dotnet-docker single-stage sample's shape: the published app copied onto the runtime image.
        string Dockerfile(string check) => $"""
            ARG BASE
            FROM $BASE
            WORKDIR /app
            COPY app/ .
            {check}
            ENTRYPOINT ["dotnet", "ConsumerApp.dll"]
            """;
        var probed = Dockerfile(printed.Groups["line"].Value.Trim());
        var curl = Dockerfile("HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1");
        File.WriteAllText(context.File("Dockerfile"), probed);
        File.WriteAllText(context.File("curl.Dockerfile"), curl);

        var lint = await CliRun.RunAsync(["lint", "Dockerfile", "curl.Dockerfile", "--build-arg", $"BASE={baseImage.Reference}"], context.Path);

        Assert.Equal(1, lint.ExitCode);
        var findings = lint.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, findings.Length);
        Assert.StartsWith("curl.Dockerfile:5:1: error CH1001: ", findings[0]);
        Assert.StartsWith("curl.Dockerfile:5:1: error CH1002: ", findings[1]);
        Assert.Contains("'curl'", findings[1]);

        var healthyImage = await EngineImageBuilder.BuildAsync(probed.Replace("$BASE", baseImage.Reference, StringComparison.Ordinal), context.Path);
        await using (var container = await ContainerRunner.RunImageAsync(healthyImage, ShortInterval))
        {
            var report = await container.WaitForHealthAsync();
            Assert.True(report.Status == HealthStatus.Healthy, report.ToString());
            Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", report.LastProbe!.Output);
        }

        var curlImage = await EngineImageBuilder.BuildAsync(curl.Replace("$BASE", baseImage.Reference, StringComparison.Ordinal), context.Path);
        await using (var container = await ContainerRunner.RunImageAsync(curlImage, ShortInterval with { HealthCheck = new HealthcheckConfig([], Interval: TimeSpan.FromMilliseconds(300), Retries: 1) }))
        {
            var report = await container.WaitForHealthAsync();
            Assert.True(report.Status == HealthStatus.Unhealthy, report.ToString());
        }
    }

    [Fact]
    public async Task The_probe_only_image_copied_into_a_static_non_dotnet_image_makes_it_healthy()
    {
        var baseImage = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        var probeImage = $"{fixture.Registry.Address}/tools/healthprobe:1";

        var push = await CliRun.RunAsync(["probe", "image", "--push", probeImage]);

        Assert.True(push.ExitCode == 0, push.Output);
        Assert.Contains($"COPY --from={probeImage} /healthprobe /healthprobe", push.StandardError);

        using var context = new TemporaryDirectory();
        File.Copy("/usr/bin/busybox", context.File("busybox"));
        Directory.CreateDirectory(context.File("www"));
        File.WriteAllText(context.File(Path.Combine("www", "healthz")), "ok\n");
        var dockerfile = $"""
            FROM {baseImage.Reference}
            COPY busybox /bin/busybox
            COPY www /www
            COPY --from={probeImage} /healthprobe /healthprobe
            EXPOSE 8080
            HEALTHCHECK --interval=30s --retries=2 CMD ["/healthprobe", "http://localhost:8080/healthz"]
            ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
            """;
        File.WriteAllText(context.File("Dockerfile"), dockerfile);

        var lint = await CliRun.RunAsync(["lint", "Dockerfile", "--warnings-as-errors"], context.Path);
        Assert.True(lint.ExitCode == 0, lint.Output);

        var image = await EngineImageBuilder.BuildAsync(dockerfile, context.Path);
        await using var container = await ContainerRunner.RunImageAsync(image, ShortInterval);
        Assert.False(RootfsPath.Exists(container.Rootfs, "/bin/sh"), "the static image must have no shell");
        var report = await container.WaitForHealthAsync();

        Assert.True(report.Status == HealthStatus.Healthy, report.ToString());
        Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", report.LastProbe!.Output);
    }

    [Fact]
    public async Task Probe_write_puts_an_executable_probe_where_ko_takes_kodata_from()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.File("kodata"));

        var amd64 = await CliRun.RunAsync(["probe", "write", "kodata/", "--arch", "amd64"], directory.Path);
        var arm64 = await CliRun.RunAsync(["probe", "write", "healthprobe-arm64", "--arch", "arm64"], directory.Path);
        var wrong = await CliRun.RunAsync(["probe", "write", "x", "--arch", "riscv64"], directory.Path);

        Assert.True(amd64.ExitCode == 0, amd64.Output);
        var written = directory.File(Path.Combine("kodata", "healthprobe"));
        Assert.True((File.GetUnixFileMode(written) & UnixFileMode.OtherExecute) != 0);
        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], File.ReadAllBytes(written)[..4]);
        Assert.Equal(0x3e, File.ReadAllBytes(written)[18]);
        Assert.True(arm64.ExitCode == 0, arm64.Output);
        Assert.Equal(0xb7, File.ReadAllBytes(directory.File("healthprobe-arm64"))[18]);
        Assert.Equal(2, wrong.ExitCode);
        Assert.DoesNotContain("   at ", wrong.Output);
    }

    [GeneratedRegex(@"CH1017: .*needs: (?<line>HEALTHCHECK [^\r\n]*)")]
    private static partial Regex HealthCheckLine();
}
