using ContainerHealth.Probe.Tests.EndToEnd;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>The grpc:// mode in a root holding nothing but the probe, as in a distroless static image.</summary>
[Trait("Tier", "Engine")]
public sealed class GrpcEmptyRootTests
{
    [Fact]
    public async Task Grpc_check_with_the_port_from_the_environment_works_in_the_empty_root()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);

        var run = await EmptyRootTests.RunInEmptyRootAsync("--setenv", "ASPNETCORE_HTTP_PORTS", app.Port.ToString(), "--", "--protocol", "grpc");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: SERVING from grpc://localhost:{app.Port} in ", run.Line);
    }
}
