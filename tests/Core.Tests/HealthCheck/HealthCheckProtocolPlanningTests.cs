using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>The protocol decision as the planner makes it, and the HEALTHCHECK test that follows from it.</summary>
[Trait("Tier", "Unit")]
public sealed class HealthCheckProtocolPlanningTests
{
    private static readonly ContainerFacts LinuxX64 = new()
    {
        RuntimeIdentifier = "linux-x64",
        WorkingDirectory = "/app/",
        ProbeRuntimeIdentifiers = ["linux-x64", "linux-arm64"],
    };

    private static readonly ContainerFacts GrpcService = LinuxX64 with
    {
        PackageReferences = ["ContainerHealth", "Grpc.AspNetCore", "Grpc.AspNetCore.HealthChecks"],
    };

    [Fact]
    public void Grpc_health_package_and_no_path_give_a_grpc_check_with_the_port_from_the_environment()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), GrpcService);

        Assert.Empty(decision.Diagnostics);
        Assert.Equal(HealthCheckProtocol.Grpc, decision.Protocol);
        Assert.True(decision.ProtocolFromPackages);
        Assert.Equal(["CMD", "/app/healthprobe", "--protocol", "grpc", "--timeout", "4s"], decision.Definition!.Test);
    }

    [Fact]
    public void A_path_the_project_set_keeps_a_grpc_service_on_http()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Path = "/healthz" }, GrpcService);

        Assert.Equal(HealthCheckProtocol.Http, decision.Protocol);
        Assert.False(decision.ProtocolFromPackages);
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "4s"], decision.Definition!.Test);
    }

    [Fact]
    public void Property_overrides_the_packages_both_ways()
    {
        var http = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = "http" }, GrpcService);
        var grpc = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = "grpc", Path = "/ready" }, LinuxX64);

        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "4s"], http.Definition!.Test);
        Assert.Equal(["CMD", "/app/healthprobe", "--protocol", "grpc", "--timeout", "4s"], grpc.Definition!.Test);
        Assert.False(grpc.ProtocolFromPackages);
    }

    [Fact]
    public void Tcp_check_tells_the_probe_only_the_protocol()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = "tcp", Timeout = "500ms" }, LinuxX64);

        Assert.Equal(["CMD", "/app/healthprobe", "--protocol", "tcp", "--timeout", "300ms"], decision.Definition!.Test);
    }

    [Theory]
    [InlineData("grpc", "grpc://localhost:5000")]
    [InlineData("tcp", "tcp://localhost:5000")]
    [InlineData("http", "http://localhost:5000/healthz")]
    public void Pinned_port_is_named_in_the_url_for_every_protocol(string protocol, string url)
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = protocol, Port = "5000" }, LinuxX64);

        Assert.Equal(["CMD", "/app/healthprobe", url, "--timeout", "4s"], decision.Definition!.Test);
    }

    [Fact]
    public void Invalid_protocol_leaves_no_healthcheck()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = "h2c" }, GrpcService);

        Assert.Equal("CH1006", Assert.Single(decision.Diagnostics).Code);
        Assert.Null(decision.Definition);
        Assert.Null(decision.ProbeRuntimeIdentifier);
    }

    [Fact]
    public void Own_command_wins_over_the_protocol()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Command = "CMD;/app/healthprobe;--path;/ready" }, GrpcService);

        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/ready"], decision.Definition!.Test);
    }

    [Fact]
    public void Service_name_reaches_the_probe_in_both_forms()
    {
        var fromEnvironment = HealthCheckPlanner.Decide(new HealthCheckSettings { Service = "shop.Orders" }, GrpcService);
        var pinned = HealthCheckPlanner.Decide(new HealthCheckSettings { Service = "shop.Orders", Port = "5000" }, GrpcService);

        Assert.Equal(["CMD", "/app/healthprobe", "--protocol", "grpc", "--service", "shop.Orders", "--timeout", "4s"], fromEnvironment.Definition!.Test);
        Assert.Equal(["CMD", "/app/healthprobe", "grpc://localhost:5000", "--service", "shop.Orders", "--timeout", "4s"], pinned.Definition!.Test);
        Assert.Equal("shop.Orders", pinned.Service);
    }

    [Fact]
    public void Service_on_an_http_check_is_ignored_with_a_warning_and_a_malformed_one_is_an_error()
    {
        var http = HealthCheckPlanner.Decide(new HealthCheckSettings { Service = "shop.Orders" }, LinuxX64);
        var malformed = HealthCheckPlanner.Decide(new HealthCheckSettings { Service = "shop Orders" }, GrpcService);

        var warning = Assert.Single(http.Diagnostics);
        Assert.Equal(("CH1006", ContainerHealth.Diagnostics.DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("ContainerHealthCheckProtocol=grpc", warning.Message);
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "4s"], http.Definition!.Test);
        Assert.Equal(("CH1006", ContainerHealth.Diagnostics.DiagnosticSeverity.Error), (Assert.Single(malformed.Diagnostics).Code, malformed.Diagnostics[0].Severity));
        Assert.Null(malformed.Definition);
    }
}
