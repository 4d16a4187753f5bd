using ContainerHealth.Probe.Tests.Fixtures;
using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// Start-up work the shipped probe must not do, seen in its real system calls (strace -f): the runtime settings baked
/// in at build time take effect, the runtime's cgroup detection is skipped, no thread but the runtime's finalizer
/// starts on the literal-address and localhost paths, and nothing reads /dev/urandom. (How fast it starts is the benchmark's job: build/bench/probe.sh.)
/// </summary>
[Trait("Tier", "Engine")]
public sealed class StartupWorkTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("http://127.0.0.1:{0}/healthz")]
    [InlineData("http://localhost:{0}/healthz")]
    [InlineData("tcp://127.0.0.1:{0}")]
    public async Task Healthy_check_starts_no_watchdog_thread_and_reads_no_randomness(string url)
    {
        var trace = await TraceAsync(string.Format(url, app.IPv4Port));

        // One clone: the runtime's finalizer thread, which NativeAOT always starts.
        Assert.Equal(1, Count(trace, " clone3(") + Count(trace, " clone("));
        Assert.DoesNotContain("/dev/urandom", trace);
    }

    [Fact]
    public async Task Refused_check_reads_no_randomness()
    {
        var trace = await TraceAsync("http://127.0.0.1:1/healthz", expectedExitCode: 1);

        Assert.DoesNotContain("/dev/urandom", trace);
    }

    [Fact]
    public async Task Baked_runtime_settings_take_effect()
    {
        var trace = await TraceAsync($"http://127.0.0.1:{app.IPv4Port}/healthz");

        // GCgen0size: no CPU cache sizes; GCTotalPhysicalMemory: no /proc/meminfo.
        Assert.DoesNotContain("/cache/index", trace);
        Assert.DoesNotContain("/proc/meminfo", trace);
        // GCHeapHardLimit: the GC reserves a range sized from the 16 MB limit, not from the machine's memory.
        Assert.DoesNotMatch(@"mmap\(NULL, \d{10,}", trace);
    }

    [Fact]
    public async Task Runtime_cgroup_detection_stays_wrapped_out()
    {
        // skip_cgroup_detection.c replaces two runtime-internal functions by name at link time; a runtime update that
        // renames them makes the wrap a silent no-op, and these reads come back.
        var trace = await TraceAsync($"http://127.0.0.1:{app.IPv4Port}/healthz");

        Assert.DoesNotContain("/proc/self/mountinfo", trace);
        Assert.DoesNotContain("/proc/self/cgroup", trace);
        Assert.DoesNotContain("/sys/fs/cgroup", trace);
    }

    private static async Task<string> TraceAsync(string url, int expectedExitCode = 0)
    {
        var probe = await ShippedProbe.PathForAsync("linux-x64");
        using var scratch = new TemporaryDirectory();
        var output = scratch.File("strace.log");
        var run = await ProcessRunner.RunAsync("strace", ["-f", "-o", output, probe, url], timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == expectedExitCode, run.Output);
        return await File.ReadAllTextAsync(output);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
