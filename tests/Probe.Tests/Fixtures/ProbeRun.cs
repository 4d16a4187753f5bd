using System.Diagnostics;
using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>One run of a probe binary: exit code, the line it printed, and how long the process lived.</summary>
public sealed record ProbeRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Variables that choose the port; every run sets them all, so the test runner's environment never leaks in.</summary>
    public static readonly string[] PortVariables =
        ["URLS", "DOTNET_URLS", "ASPNETCORE_URLS", "HTTP_PORTS", "DOTNET_HTTP_PORTS", "ASPNETCORE_HTTP_PORTS"];

    public string Line => Output.TrimEnd('\n');

    public static Task<ProbeRun> X64Async(params string[] arguments) => RunAsync("linux-x64", arguments, null);

    public static async Task<ProbeRun> RunAsync(string rid, IReadOnlyList<string> arguments, IDictionary<string, string>? environment)
    {
        var probe = await ShippedProbe.PathForAsync(rid);
        return rid == "linux-arm64"
            ? await RunProgramAsync("qemu-aarch64-static", [probe, .. arguments], environment)
            : await RunProgramAsync(probe, arguments, environment);
    }

    public static async Task<ProbeRun> RunProgramAsync(string program, IReadOnlyList<string> arguments, IDictionary<string, string>? environment)
    {
        var variables = PortVariables.ToDictionary(name => name, _ => (string?)"");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(program, arguments, environment: variables, timeout: TimeSpan.FromSeconds(60));
        clock.Stop();
        return new ProbeRun(result.ExitCode, result.StandardOutput, result.StandardError, clock.Elapsed);
    }

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms: {Output}{Error}";
}
