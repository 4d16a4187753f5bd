using System.Diagnostics;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using Xunit.Abstractions;

namespace ContainerHealth.Cli.Tests.Verify;

/// <summary>
/// A verify leaves no container behind however it ends — Ctrl+C, SIGKILL of the CLI, its own timeout — and never waits
/// past its timeout. The check never passes (nothing listens on the port it probes) and, with its retries, never turns
/// the container unhealthy while the test runs, so only the ending is tested, however slowly the machine gets there.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyCleanupEngineTests(BusyboxWebImage image, ITestOutputHelper output) : IClassFixture<BusyboxWebImage>, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task Ctrl_C_removes_the_container_before_the_CLI_exits()
    {
        using var verify = await StartNeverHealthyAsync("120s");
        Assert.True(await VerifyContainers.WaitUntilRunningAsync(Generous), "the verify never started its container");

        Process.Start("kill", ["-INT", verify.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var result = await verify.WaitAsync();

        output.WriteLine(result.StandardOutput + result.StandardError);
        Assert.Equal(130, result.ExitCode);
        Assert.Empty(await VerifyContainers.WaitUntilGoneAsync(Generous));
    }

    [Fact]
    public async Task Killed_CLI_leaves_no_container()
    {
        using var verify = await StartNeverHealthyAsync("120s");
        Assert.True(await VerifyContainers.WaitUntilRunningAsync(Generous), "the verify never started its container");

        verify.Kill();
        await verify.WaitAsync();

        Assert.Empty(await VerifyContainers.WaitUntilGoneAsync(Generous));
    }

    [Fact]
    public async Task Verify_ends_at_its_timeout_with_the_evidence()
    {
        await InstalledCli.GetAsync();
        var clock = Stopwatch.StartNew();
        using var verify = await StartNeverHealthyAsync("3s");
        var result = await verify.WaitAsync();

        output.WriteLine(result.StandardOutput + result.StandardError);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CH1014:", result.StandardOutput);
        Assert.Contains("wget: can't connect to remote host (127.0.0.1): Connection refused", result.StandardOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3) + Generous, $"the verify took {clock.Elapsed}");
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    public void Dispose() => directory.Dispose();

    private async Task<StartedProcess> StartNeverHealthyAsync(string timeout)
    {
        var file = directory.File("compose.yaml");
        await File.WriteAllTextAsync(file, """
            services:
              web:
                image: busybox-web:1
                healthcheck:
                  test: ["CMD", "/bin/busybox", "wget", "-q", "--spider", "http://127.0.0.1:9999/"]
                  retries: 100000
            """);
        var tool = await InstalledCli.GetAsync();
        // A CI runner may start the tests in the background, where SIGINT is ignored and children inherit that: env gives
        // the CLI the default disposition back (it execs the CLI, so the PID stays the CLI's), as a terminal would have.
        return ProcessRunner.Start("env", ["--default-signal=INT", tool, "verify", image.Tag, file, "--timeout", timeout], directory.Path, new Dictionary<string, string?>(image.Environment));
    }
}
