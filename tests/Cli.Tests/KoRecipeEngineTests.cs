using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// The README's ko recipe, run as far as this machine allows: ko itself cannot be installed here, so a static Go server
/// (stdlib, CGO_ENABLED=0, Debian's Go) is laid out the way ko lays out an image — the binary at /ko-app/NAME, kodata/ at
/// /var/run/ko/ (ko writes both 0555), KO_DATA_PATH, the binary as the entrypoint — on the shell-less static base ko
/// defaults to. The commands come from the README itself: its probe write line and its compose check, which is healthy;
/// the seed's curl check on the same image is not.
/// </summary>
[Trait("Tier", "Engine")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class KoRecipeEngineTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Server = """
        package main

        import "net/http"

        func main() {
        	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
        	http.ListenAndServe(":8080", nil)
        }
        """;

    private static readonly string[] SeedCurlCheck = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"];

    [Fact]
    public async Task A_Go_image_laid_out_as_ko_does_is_healthy_with_the_READMEs_probe_and_check_and_unhealthy_with_curl()
    {
        var (probeWrite, composeCheck) = ReadmeRecipe();
        var staticBase = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var context = new TemporaryDirectory("ch-ko-");
        Directory.CreateDirectory(context.File("kodata"));
        File.WriteAllText(context.File("main.go"), Server);

        var build = await GoBuildAsync(context);
        var write = await CliRun.RunAsync(probeWrite, context.Path);

        build.EnsureSuccess();
        Assert.True(write.ExitCode == 0, write.Output);
        File.SetUnixFileMode(context.File(Path.Combine("kodata", "healthprobe")), (UnixFileMode)Convert.ToInt32("555", 8));
        File.SetUnixFileMode(context.File("server"), (UnixFileMode)Convert.ToInt32("555", 8));
        var image = await EngineImageBuilder.BuildAsync($"""
            FROM {staticBase.Reference}
            COPY server /ko-app/server
            COPY kodata/ /var/run/ko/
            ENV KO_DATA_PATH=/var/run/ko
            ENTRYPOINT ["/ko-app/server"]
            """, context.Path);

        var probed = await EngineImageBuilder.WithHealthcheckAsync(image, new HealthcheckConfig(composeCheck, Interval: TimeSpan.FromMilliseconds(300)));
        await using (var container = await ContainerRunner.RunImageAsync(probed))
        {
            Assert.False(RootfsPath.Exists(container.Rootfs, "/bin/sh"), "the ko-style image must have no shell");
            var report = await container.WaitForHealthAsync();
            Assert.True(report.Status == HealthStatus.Healthy, report.ToString());
            Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", report.LastProbe!.Output);
        }

        var curl = await EngineImageBuilder.WithHealthcheckAsync(image, new HealthcheckConfig(SeedCurlCheck, Interval: TimeSpan.FromMilliseconds(300), Retries: 1));
        await using (var container = await ContainerRunner.RunImageAsync(curl))
        {
            var report = await container.WaitForHealthAsync();
            Assert.True(report.Status == HealthStatus.Unhealthy, report.ToString());
        }
    }

    /// <summary>The probe write command of the README's ko recipe, and the test of its compose example.</summary>
    private static (string[] ProbeWrite, string[] ComposeCheck) ReadmeRecipe()
    {
        var readme = File.ReadAllText(RepositoryLayout.Path("README.md"));
        var section = readme[readme.IndexOf("## Dockerfile, ko and compose", StringComparison.Ordinal)..readme.IndexOf("## CLI", StringComparison.Ordinal)];
        var write = ProbeWriteLine().Match(section);
        var check = ComposeTestLine().Match(section);
        Assert.True(write.Success && check.Success, "the README's ko recipe has no probe write line or no compose test");
        return (write.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            JsonSerializer.Deserialize<string[]>(check.Groups["test"].Value)!);
    }

    private static async Task<ProcessResult> GoBuildAsync(TemporaryDirectory context)
    {
        var go = context.File("go-home");
        return await ProcessRunner.RunAsync("go", ["build", "-o", "server", "main.go"], context.Path, new Dictionary<string, string?>
        {
            ["CGO_ENABLED"] = "0",
            ["GOOS"] = "linux",
            ["GOARCH"] = "amd64",
            ["GOPROXY"] = "off",
            ["HOME"] = go,
            ["GOPATH"] = Path.Combine(go, "path"),
            ["GOCACHE"] = Path.Combine(go, "cache"),
        }, TimeSpan.FromMinutes(5));
    }

    [GeneratedRegex(@"^container-health (?<arguments>probe write [^#\r\n]*?)\s*(#|$)", RegexOptions.Multiline)]
    private static partial Regex ProbeWriteLine();

    [GeneratedRegex(@"^\s*test: (?<test>\[[^\]\r\n]*\])", RegexOptions.Multiline)]
    private static partial Regex ComposeTestLine();
}
