using System.Diagnostics;
using System.Text.Json;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Cli.Tests;

/// <summary>
/// What a CI step can rely on from <c>container-health lint</c>: exit 1 when nothing could be checked (CH1005) or a
/// check can never pass, <c>--fail-on</c> to move the threshold, exit 2 with a plain message for a bad option, a
/// location on every finding, one finding per line, and no hang or crash on hostile input.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class LintContractTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task An_image_that_cannot_be_read_is_CH1005_at_the_image_line_and_exit_1_also_in_sarif()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), """
            services:
              api:
                image: localhost:1/nobody/shop-api:1.0
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--path", "/healthz"]
            """);

        var text = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);
        var sarif = await CliRun.RunAsync(["lint", "compose.yaml", "--format", "sarif"], directory.Path);
        var never = await CliRun.RunAsync(["lint", "compose.yaml", "--fail-on", "never"], directory.Path);

        Assert.Equal(1, text.ExitCode);
        Assert.Matches(@"^compose\.yaml:3:12: error CH1005: The base image localhost:1/nobody/shop-api:1.0 .*could not be inspected", text.StandardOutput.Trim());
        Assert.Equal(1, sarif.ExitCode);
        using var log = JsonDocument.Parse(sarif.StandardOutput);
        var result = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("CH1005", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("compose.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(0, never.ExitCode);
    }

    [Fact]
    public async Task An_image_named_by_an_unset_variable_is_CH1005_and_passing_image_checks_it()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), """
            services:
              api:
                image: ${API_IMAGE}
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
            """);

        var unnamed = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);
        var named = await CliRun.RunAsync(["lint", "compose.yaml", "--image", image.Reference], directory.Path);

        Assert.Equal(1, unnamed.ExitCode);
        Assert.Matches(@"^compose\.yaml:3:12: error CH1005: Container 'api' names its image as '\$\{API_IMAGE\}'.*Pass --image", unnamed.StandardOutput.Trim());
        Assert.Equal(1, named.ExitCode);
        Assert.Matches(@"^compose\.yaml:5:\d+: error CH1002: .*'curl'", named.StandardOutput.Trim());
    }

    [Fact]
    public async Task Every_image_on_an_unreachable_registry_costs_one_timeout_not_one_each()
    {
        using var directory = new TemporaryDirectory();
        var services = string.Concat(Enumerable.Range(1, 12).Select(i => $$"""
              s{{i}}:
                image: localhost:1/team/service-{{i}}:1.0
                healthcheck:
                  test: ["CMD", "/app/healthprobe"]

            """));
        File.WriteAllText(directory.File("compose.yaml"), "services:\n" + services);

        var run = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(12, run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(" error CH1005: ")));
        Assert.Equal(11, run.StandardOutput.Split('\n').Count(l => l.Contains("(earlier in this run)")));
    }

    [Fact]
    public async Task A_registry_that_accepts_but_never_answers_is_given_up_on_once_for_all_its_images()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var directory = new TemporaryDirectory();
        var services = string.Concat(Enumerable.Range(1, 6).Select(i => $$"""
              s{{i}}:
                image: 127.0.0.1:{{port}}/team/service-{{i}}:1.0
                healthcheck:
                  test: ["CMD", "/app/healthprobe"]

            """));
        File.WriteAllText(directory.File("compose.yaml"), "services:\n" + services);

        var run = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Count(l => l.Contains(" error CH1005: ") && l.Contains("no answer within 2 s")));
        Assert.Equal(5, lines.Count(l => l.Contains("(earlier in this run)")));
    }

    [Fact]
    public async Task A_warning_fails_only_with_fail_on_warning_or_warnings_as_errors()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Busybox);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("deployment.yaml"), $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: {{image.Reference}}
                      ports:
                        - containerPort: 5000
                      livenessProbe:
                        exec:
                          command: ["wget", "-q", "--spider", "http://localhost:8080/healthz"]
            """);

        var byDefault = await CliRun.RunAsync(["lint", "deployment.yaml"], directory.Path);
        var warning = await CliRun.RunAsync(["lint", "deployment.yaml", "--fail-on", "warning"], directory.Path);
        var asErrors = await CliRun.RunAsync(["lint", "deployment.yaml", "--warnings-as-errors"], directory.Path);

        Assert.Equal(0, byDefault.ExitCode);
        Assert.Matches(@"^deployment\.yaml:15:\d+: warning CH1004: .*port 8080, but the app listens on 5000", byDefault.StandardOutput.Trim());
        Assert.Equal(1, warning.ExitCode);
        Assert.Equal(1, asErrors.ExitCode);
    }

    [Fact]
    public async Task A_folded_multi_line_test_is_one_finding_on_one_line()
    {
        var image = await BaseImages.PushAsync(fixture.Registry, BaseImageKind.Static);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), $$"""
            services:
              api:
                image: {{image.Reference}}
                healthcheck:
                  test: >
                    curl -f
                    http://localhost:8080/healthz
                    || exit 1
            """);

        var run = await CliRun.RunAsync(["lint", "compose.yaml"], directory.Path);

        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^compose\.yaml:5:\d+: error CH100[12]: ", line));
    }

    [Theory]
    [InlineData("--port", "abc", "--port 'abc' is not a port; give a whole number from 1 to 65535")]
    [InlineData("--port", "0", "--port '0' is not a port")]
    [InlineData("--port", "99999", "--port '99999' is not a port")]
    [InlineData("--port", "-1", "--port '-1' is not a port")]
    [InlineData("--path", "healthz", "--path 'healthz' is not an absolute URL path; start it with /")]
    [InlineData("--fail-on", "sometimes", "sometimes")]
    [InlineData("--max-file-size", "lots", "--max-file-size 'lots' is not a size")]
    public async Task A_bad_option_exits_2_with_a_plain_message(string option, string value, string message)
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("compose.yaml"), "services: {}\n");

        var run = await CliRun.RunAsync(["lint", "compose.yaml", option, value], directory.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StandardError);
        Assert.DoesNotContain("System.", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task Hostile_files_are_CH1008_each_with_the_reason_and_the_run_ends()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("deep.yaml"), "apiVersion: v1\nkind: Pod\nspec: " + new string('[', 25_000) + new string(']', 25_000) + "\n");
        File.WriteAllText(directory.File("big.yaml"), "services:\n" + new string('#', 2 * 1024 * 1024) + "\n");
        Directory.CreateDirectory(directory.File("k8s"));
        using (var mkfifo = Process.Start("mkfifo", [directory.File("compose.yaml")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await CliRun.RunAsync(["lint", "deep.yaml", "/dev/zero", "compose.yaml", "k8s", "big.yaml", "--max-file-size", "1"], directory.Path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.Contains(" error CH1008: ", line));
        Assert.Contains(lines, l => l.StartsWith("deep.yaml:3:") && l.Contains("nests deeper than 256 levels"));
        Assert.Contains(lines, l => l.StartsWith("/dev/zero: ") && l.Contains("is a character device, not a regular file"));
        Assert.Contains(lines, l => l.StartsWith("compose.yaml: ") && l.Contains("is a FIFO (named pipe)"));
        Assert.Contains(lines, l => l.StartsWith("k8s: ") && l.Contains("is a directory"));
        Assert.Contains(lines, l => l.StartsWith("big.yaml: ") && l.Contains("over the 1 MiB limit"));
        Assert.DoesNotContain("   at ", run.Output);
    }
}
