using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>What a real gRPC client library says: "status SERVING", "status NOT_SERVING" or "error 12 UNIMPLEMENTED".</summary>
public sealed record GrpcJsVerdict(bool IsServing, string Text);

/// <summary>One Health/Check with @grpc/grpc-js (Grpc/node/health-check.js): the ground truth the probe must agree with.</summary>
public static class GrpcJsClient
{
    public static async Task<GrpcJsVerdict> CheckAsync(int port, string service = "", int timeoutMilliseconds = 5000)
    {
        await NodeGrpc.EnsureInstalledAsync();
        var result = await ProcessRunner.RunAsync(
            "node",
            [Path.Combine(NodeGrpc.ScriptsDirectory, "health-check.js"), $"127.0.0.1:{port}", service, timeoutMilliseconds.ToString()],
            environment: NodeGrpc.Environment,
            timeout: TimeSpan.FromSeconds(60));
        var text = result.StandardOutput.Trim();
        if (!text.StartsWith("status ", StringComparison.Ordinal) && !text.StartsWith("error ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the grpc-js client failed: " + result.Output);
        }

        return new GrpcJsVerdict(result.ExitCode == 0, text);
    }
}
