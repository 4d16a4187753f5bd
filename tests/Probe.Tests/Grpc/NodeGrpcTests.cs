using System.Text.RegularExpressions;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>The shipped probe against a second gRPC implementation, @grpc/grpc-js with grpc-health-check, checked against the grpc-js client.</summary>
[Trait("Tier", "Engine")]
public sealed class NodeGrpcTests
{
    [Fact]
    public async Task Serving_server_is_healthy()
    {
        await using var server = await NodeHealthServer.StartAsync("=SERVING");

        var run = await GrpcAgreement.ProbeAndCompareAsync(server.Port);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(new Regex($@"^healthy: SERVING from grpc://127\.0\.0\.1:{server.Port} in \d+ ms$"), run.Line);
    }

    [Fact]
    public async Task Status_change_is_seen_on_the_next_check()
    {
        await using var server = await NodeHealthServer.StartAsync("=SERVING", "orders=SERVING");
        await server.SetAsync("orders", "NOT_SERVING");

        var orders = await GrpcAgreement.ProbeAndCompareAsync(server.Port, "orders");
        var whole = await GrpcAgreement.ProbeAndCompareAsync(server.Port);

        Assert.Matches(new Regex($@"^unhealthy: NOT_SERVING from grpc://127\.0\.0\.1:{server.Port}/orders in \d+ ms$"), orders.Line);
        Assert.True(whole.ExitCode == 0, whole.ToString());
    }

    [Fact]
    public async Task Unknown_serving_status_is_unhealthy()
    {
        await using var server = await NodeHealthServer.StartAsync("=UNKNOWN");

        var run = await GrpcAgreement.ProbeAndCompareAsync(server.Port);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: UNKNOWN from ", run.Line);
    }

    [Fact]
    public async Task Unknown_service_is_not_found()
    {
        await using var server = await NodeHealthServer.StartAsync("=SERVING");

        var run = await GrpcAgreement.ProbeAndCompareAsync(server.Port, "payments");

        Assert.Equal("unhealthy: grpc-status 5 (NOT_FOUND): the health service does not know the service 'payments'", run.Line);
    }
}
