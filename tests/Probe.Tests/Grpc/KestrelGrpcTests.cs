using System.Text.RegularExpressions;
using ContainerHealth.Probe.Tests.Fixtures;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>The shipped probe's grpc:// mode against Kestrel with Grpc.AspNetCore.HealthChecks, checked against grpc-js.</summary>
[Trait("Tier", "Engine")]
public sealed class KestrelGrpcTests
{
    [Fact]
    public async Task Serving_health_service_is_healthy()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(new Regex($@"^healthy: SERVING from grpc://127\.0\.0\.1:{app.Port} in \d+ ms$"), run.Line);
    }

    [Fact]
    public async Task Failing_health_check_makes_the_server_and_its_service_not_serving_but_not_the_others()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);
        app.Ready = false;

        var whole = await GrpcAgreement.ProbeAndCompareAsync(app.Port);
        var ready = await GrpcAgreement.ProbeAndCompareAsync(app.Port, "ready");
        var live = await GrpcAgreement.ProbeAndCompareAsync(app.Port, "live");

        Assert.True(whole.ExitCode == 1, whole.ToString());
        Assert.Matches(new Regex($@"^unhealthy: NOT_SERVING from grpc://127\.0\.0\.1:{app.Port} in \d+ ms$"), whole.Line);
        Assert.Matches(new Regex($@"^unhealthy: NOT_SERVING from grpc://127\.0\.0\.1:{app.Port}/ready in \d+ ms$"), ready.Line);
        Assert.Matches(new Regex($@"^healthy: SERVING from grpc://127\.0\.0\.1:{app.Port}/live in \d+ ms$"), live.Line);

        app.Ready = true;
        var recovered = await GrpcAgreement.ProbeAndCompareAsync(app.Port);
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
    }

    [Fact]
    public async Task Service_unknown_to_the_health_service_is_not_found()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port, "billing");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: grpc-status 5 (NOT_FOUND): the health service does not know the service 'billing'", run.Line);
    }

    [Fact]
    public async Task Grpc_app_without_the_health_service_is_unimplemented()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.OtherGrpcServiceOnly);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: grpc-status 12 (UNIMPLEMENTED): the health service is not mapped", run.Line);
    }

    [Fact]
    public async Task Http2_app_without_grpc_is_unimplemented_as_a_grpc_client_maps_its_404()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.NoGrpc);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: grpc-status 12 (UNIMPLEMENTED): the health service is not mapped (HTTP/2 status 404)", run.Line);
    }

    [Fact]
    public async Task Http1_only_port_is_named_as_such()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService, HttpProtocols.Http1);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            $"unhealthy: the port speaks HTTP/1.1 only (GOAWAY HTTP_1_1_REQUIRED): gRPC needs cleartext HTTP/2 (Kestrel: Protocols=Http2) from grpc://127.0.0.1:{app.Port}",
            run.Line);
    }

    [Fact]
    public async Task Kestrel_default_protocols_on_a_cleartext_port_are_http1_only()
    {
        // Http1AndHttp2 without TLS, what a gRPC app gets when it sets no Protocols, serves HTTP/1.1 alone.
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService, HttpProtocols.Http1AndHttp2);

        var run = await GrpcAgreement.ProbeAndCompareAsync(app.Port);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("(GOAWAY HTTP_1_1_REQUIRED)", run.Line);
    }

    [Fact]
    public async Task Arm64_probe_gives_the_same_answers()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);
        app.Ready = false;

        var whole = await ProbeRun.RunAsync("linux-arm64", [$"grpc://127.0.0.1:{app.Port}"], null);
        var live = await ProbeRun.RunAsync("linux-arm64", [$"grpc://127.0.0.1:{app.Port}/live"], null);
        var unknown = await ProbeRun.RunAsync("linux-arm64", [$"grpc://127.0.0.1:{app.Port}/billing"], null);

        Assert.StartsWith($"unhealthy: NOT_SERVING from grpc://127.0.0.1:{app.Port} in ", whole.Line);
        Assert.True(live.ExitCode == 0, live.ToString());
        Assert.Equal("unhealthy: grpc-status 5 (NOT_FOUND): the health service does not know the service 'billing'", unknown.Line);
    }

    [Fact]
    public async Task Without_an_address_the_port_comes_from_the_environment_as_for_http()
    {
        await using var app = await GrpcKestrelApp.StartAsync(GrpcAppShape.HealthService);

        var run = await ProbeRun.RunAsync(
            "linux-x64",
            ["--protocol", "grpc", "--service", "live"],
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = app.Port.ToString() });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: SERVING from grpc://localhost:{app.Port}/live in ", run.Line);
    }
}
