using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>gRPC checks in deployment files: the port is compared with the app's (CH1004); there is no HTTP path to compare (no CH1009).</summary>
[Trait("Tier", "Unit")]
public sealed class GrpcCheckLintTests : IDisposable
{
    private static readonly LintSettings GrpcProject = Settings with { Protocol = HealthCheckProtocol.Grpc };

    private readonly TemporaryDirectory directory = new("ch-lint-grpc-");

    [Fact]
    public void The_builds_own_grpc_snippets_lint_clean()
    {
        var compose = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--protocol", "grpc", "--timeout", "4s"]
            """);
        var kubernetes = Write(directory, "k8s/pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: shop-api:2.0
                  livenessProbe:
                    grpc:
                      port: 8080
            """);

        Assert.Empty(DeploymentLint.Run([compose, kubernetes], [Chiseled], GrpcProject).Diagnostics);
    }

    [Fact]
    public void A_grpc_url_with_a_service_name_is_not_a_path_but_its_port_is_checked()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "grpc://localhost:5000/shop.Orders"]
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], GrpcProject).Diagnostics);

        Assert.Equal(DiagnosticCodes.PortMismatch, diagnostic.Code);
        Assert.Contains("probes port 5000, but the app listens on 8080", diagnostic.Message);
    }

    [Fact]
    public void A_grpc_url_without_a_port_is_refused_by_the_probe_so_CH1006_and_no_port_to_compare()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "grpc://localhost/shop.Orders"]
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], GrpcProject).Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains("grpc://localhost/shop.Orders needs a port", diagnostic.Message);
    }

    [Fact]
    public void A_kubernetes_grpc_probe_on_another_port_is_CH1004()
    {
        var file = Write(directory, "pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: shop-api:2.0
                  readinessProbe:
                    grpc:
                      port: 9090
                      service: shop.Orders
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], GrpcProject).Diagnostics);

        Assert.Equal((DiagnosticCodes.PortMismatch, 11), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("readinessProbe grpc", diagnostic.Message);
    }

    [Fact]
    public void A_grpc_project_is_shown_the_grpc_probe_as_the_fix()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "grpc_health_probe", "-addr=:8080"]
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], GrpcProject).Diagnostics);

        Assert.Equal(DiagnosticCodes.ProgramMissing, diagnostic.Code);
        Assert.Contains("""["CMD", "/app/healthprobe", "--protocol", "grpc"]""", diagnostic.Message);
    }

    [Fact]
    public void An_http_project_still_compares_paths()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: ["CMD", "/app/healthprobe", "--path", "/ready"]
            """);

        Assert.Equal(DiagnosticCodes.PathMismatch, Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics).Code);
        Assert.Empty(DeploymentLint.Run([file], [Chiseled], GrpcProject).Diagnostics);
    }

    public void Dispose() => directory.Dispose();
}
