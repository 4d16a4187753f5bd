using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Snippets;

namespace ContainerHealth.Core.Tests.HealthCheck;

[Trait("Tier", "Unit")]
public sealed class HealthCheckProtocolTests
{
    [Theory]
    [InlineData("", false, new string[0], HealthCheckProtocol.Http)]
    [InlineData("", false, new[] { "Grpc.AspNetCore" }, HealthCheckProtocol.Http)]
    [InlineData("", false, new[] { "Grpc.AspNetCore", "Grpc.AspNetCore.HealthChecks" }, HealthCheckProtocol.Grpc)]
    [InlineData("", false, new[] { "grpc.healthcheck" }, HealthCheckProtocol.Grpc)]
    [InlineData("", true, new[] { "Grpc.AspNetCore.HealthChecks" }, HealthCheckProtocol.Http)]
    [InlineData("http", false, new[] { "Grpc.AspNetCore.HealthChecks" }, HealthCheckProtocol.Http)]
    [InlineData(" GRPC ", true, new string[0], HealthCheckProtocol.Grpc)]
    [InlineData("tcp", false, new string[0], HealthCheckProtocol.Tcp)]
    public void Property_wins_else_grpc_health_packages_without_a_path_pick_grpc(
        string property, bool pathSet, string[] packages, HealthCheckProtocol expected)
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Equal(expected, HealthCheckProtocolChoice.Decide(property, pathSet, packages, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Unknown_protocol_is_a_coded_error_naming_the_choices()
    {
        var diagnostics = new List<Diagnostic>();

        var protocol = HealthCheckProtocolChoice.Decide("h2c", false, [], diagnostics);

        Assert.Equal(HealthCheckProtocol.Http, protocol);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("ContainerHealthCheckProtocol is 'h2c', which is not valid: expected http, grpc or tcp.", diagnostic.Message);
    }

    [Fact]
    public void Probe_is_told_the_path_for_http_and_only_the_protocol_otherwise()
    {
        Assert.Equal(["--path", "/healthz"], HealthCheckCommand.ProbeLine(HealthCheckProtocol.Http, "/healthz", pinnedPort: null).ToArguments());
        Assert.Equal(["--protocol", "grpc"], HealthCheckCommand.ProbeLine(HealthCheckProtocol.Grpc, "/healthz", pinnedPort: null).ToArguments());
        Assert.Equal(["--protocol", "tcp"], HealthCheckCommand.ProbeLine(HealthCheckProtocol.Tcp, "/healthz", pinnedPort: null).ToArguments());
    }

    [Fact]
    public void Kubernetes_uses_its_native_probe_for_each_protocol()
    {
        Assert.Equal(["  httpGet:", "    path: \"/healthz\"", "    port: 8080"], KubernetesProbeAction.Lines(HealthCheckProtocol.Http, "/healthz", 8080));
        Assert.Equal(["  grpc:", "    port: 8080"], KubernetesProbeAction.Lines(HealthCheckProtocol.Grpc, "/healthz", 8080));
        Assert.Equal(["  tcpSocket:", "    port: 5432"], KubernetesProbeAction.Lines(HealthCheckProtocol.Tcp, "/healthz", 5432));
    }
}
