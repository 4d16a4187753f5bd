using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>Runs the shipped probe and the grpc-js client against the same server and service.</summary>
public static class GrpcAgreement
{
    /// <summary>The probe's run, after asserting that its verdict is the grpc-js client's.</summary>
    public static async Task<ProbeRun> ProbeAndCompareAsync(int port, string service = "")
    {
        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{port}", "--service", service);
        var truth = await GrpcJsClient.CheckAsync(port, service);
        Assert.True(truth.IsServing == (run.ExitCode == 0), $"grpc-js says '{truth.Text}', the probe {run}");
        return run;
    }
}
