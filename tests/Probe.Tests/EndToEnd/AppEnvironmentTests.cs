using System.Text.RegularExpressions;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// The probe runs inside the app's container and inherits the DOTNET_* settings meant for the app. NativeAOT reads
/// DOTNET_&lt;name&gt; before the probe's baked settings and before managed code, so before the fix a 2 MB heap limit
/// made the probe exit 255 with no line. With any of them set, the probe must answer exactly as without.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class AppEnvironmentTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    public static TheoryData<string, string> AppSettings => new()
    {
        // The runtime reads these as hex without a prefix: 200000 is 2 MB, what broke the probe's start-up.
        { "DOTNET_GCHeapHardLimit", "200000" },
        { "DOTNET_GCHeapHardLimit", "1" },
        { "DOTNET_gcServer", "1" },
        { "DOTNET_GCHeapCount", "40" },
        { "DOTNET_GCgen0size", "1" },
        { "DOTNET_GCHeapHardLimitPercent", "1" },
        { "DOTNET_GCRegionSize", "1" },
        { "DOTNET_PROCESSOR_COUNT", "0" },
    };

    /// <summary>Garbage in every setting a runtime might read at once.</summary>
    public static readonly Dictionary<string, string> Hostile = new()
    {
        ["DOTNET_GCHeapHardLimit"] = "zz\u00e9\u0001",
        ["DOTNET_gcServer"] = "-1",
        ["DOTNET_GCHeapCount"] = "ffffffffffffffffffff",
        ["DOTNET_GCgen0size"] = "0x",
        ["DOTNET_GCHeapHardLimitPercent"] = "fff",
        ["DOTNET_GCHeapAffinitizeRanges"] = "garbage",
        ["DOTNET_GCRegionRange"] = "1",
        ["DOTNET_gcConcurrent"] = "yes please",
        ["DOTNET_DbgEnableMiniDump"] = "1",
        ["DOTNET_EnableDiagnostics"] = "garbage",
    };

    [Theory]
    [MemberData(nameof(AppSettings))]
    public async Task App_runtime_setting_does_not_change_a_healthy_or_unhealthy_answer(string name, string value)
    {
        await AssertSameAnswersAsync("linux-x64", new Dictionary<string, string> { [name] = value });
    }

    [Fact]
    public async Task Hostile_settings_do_not_change_the_answers()
    {
        await AssertSameAnswersAsync("linux-x64", Hostile);
    }

    [Fact]
    public async Task Hostile_settings_do_not_change_the_answers_on_arm64()
    {
        await AssertSameAnswersAsync("linux-arm64", new Dictionary<string, string>(Hostile) { ["DOTNET_GCHeapHardLimit"] = "200000" });
    }

    [Fact]
    public async Task Port_variables_with_the_DOTNET_prefix_still_reach_the_probe()
    {
        // They look like runtime settings but are how Kestrel (and the probe) find the app's port.
        var run = await ProbeRun.RunAsync("linux-x64", [], new Dictionary<string, string>(Hostile)
        {
            ["DOTNET_HTTP_PORTS"] = app.IPv4Port.ToString(),
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{app.IPv4Port}/healthz", run.Line);
    }

    private async Task AssertSameAnswersAsync(string rid, Dictionary<string, string> environment)
    {
        foreach (var (path, exitCode) in new[] { ("/healthz", 0), ("/status/503", 1) })
        {
            string[] arguments = [$"http://127.0.0.1:{app.IPv4Port}{path}"];
            var plain = await ProbeRun.RunAsync(rid, arguments, null);
            var withSettings = await ProbeRun.RunAsync(rid, arguments, environment);

            Assert.True(plain.ExitCode == exitCode, plain.ToString());
            Assert.True(withSettings.ExitCode == exitCode, withSettings.ToString());
            Assert.Equal(WithoutTiming(plain.Line), WithoutTiming(withSettings.Line));
            Assert.Equal("", withSettings.Error);
        }
    }

    private static string WithoutTiming(string line) => Regex.Replace(line, @" in \d+ ms", " in N ms");
}
