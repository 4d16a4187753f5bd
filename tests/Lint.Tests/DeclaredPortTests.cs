using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>CH1004 compares the probed port with the ports the file declares for the container; variables are unknown.</summary>
[Trait("Tier", "Unit")]
public sealed class DeclaredPortTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-ports-");

    [Fact]
    public void A_kubernetes_containerPort_is_the_app_port_and_the_finding_points_at_the_probe_port()
    {
        var file = Write(directory, "deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: shop-api:1.0
                      ports:
                        - name: http
                          containerPort: 5000
                      readinessProbe:
                        httpGet:
                          path: /healthz
                          port: http
                      livenessProbe:
                        httpGet:
                          path: /healthz
                          port: 8080
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.PortMismatch, diagnostic.Code);
        Assert.Equal(21, diagnostic.Line);
        Assert.Equal("8080", File.ReadAllLines(file)[20].Substring(diagnostic.Column - 1, 4));
        Assert.Contains("probes port 8080, but the app listens on 5000 (the ports the file declares for it: 5000)", diagnostic.Message);
    }

    [Fact]
    public void Ecs_portMappings_are_the_app_ports_and_the_finding_points_inside_the_command_string()
    {
        var file = Write(directory, "task-definition.json", """
            {
              "containerDefinitions": [
                {
                  "name": "api",
                  "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:1.0",
                  "portMappings": [{ "containerPort": 3000, "protocol": "tcp" }],
                  "healthCheck": { "command": ["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"] }
                }
              ]
            }
            """);
        var good = Write(directory, "ok/task-definition.json", File.ReadAllText(file).Replace("localhost:8080", "localhost:3000"));

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);

        Assert.Equal(DiagnosticCodes.PortMismatch, diagnostic.Code);
        Assert.Equal(7, diagnostic.Line);
        Assert.Equal("8080", File.ReadAllLines(file)[6].Substring(diagnostic.Column - 1, 4));
        Assert.Empty(DeploymentLint.Run([good], [Busybox], Settings).Diagnostics);
    }

    [Fact]
    public void Compose_ports_and_expose_are_the_app_ports()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                ports: ["127.0.0.1:80:5000/tcp"]
                expose: ["9000"]
                healthcheck:
                  test: wget -q --spider http://localhost:5000/healthz
              worker:
                image: shop-api
                expose: ["9000"]
                healthcheck:
                  test: ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:9000/healthz"]
              wrong:
                image: shop-api
                ports: [{ target: 5000, published: 80 }]
                healthcheck:
                  test: 'wget -q --spider http://localhost:8080/healthz'
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);

        Assert.Equal((DiagnosticCodes.PortMismatch, 17), (diagnostic.Code, diagnostic.Line));
        Assert.Equal("8080", File.ReadAllLines(file)[16].Substring(diagnostic.Column - 1, 4));
    }

    [Theory]
    [InlineData("test: wget -q --spider http://localhost:${PORT}/healthz", "ports: [\"5000\"]")]
    [InlineData("test: wget -q --spider http://localhost:8080/healthz", "ports: [\"${APP_PORT}\"]")]
    [InlineData("test: wget -q --spider http://localhost:8080/healthz", "environment: { ASPNETCORE_HTTP_PORTS: \"${PORT}\" }")]
    [InlineData("test: [\"CMD\", \"/app/healthprobe\", \"--port\", \"$PORT\"]", "ports: [\"5000\"]")]
    public void A_port_written_as_a_variable_is_unknown_not_a_mismatch(string test, string ports)
    {
        var file = Write(directory, "compose.yaml", $"""
            services:
              api:
                image: shop-api
                {ports}
                healthcheck:
                  {test}
            """);

        Assert.Empty(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);
    }

    [Fact]
    public void Kubernetes_tcpSocket_and_grpc_probes_are_checked_for_their_port()
    {
        var file = Write(directory, "deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: shop-api:1.0
                      ports:
                        - containerPort: 5000
                      readinessProbe:
                        grpc:
                          port: 5000
                      livenessProbe:
                        tcpSocket:
                          port: 8080
            """);

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);

        Assert.Equal((DiagnosticCodes.PortMismatch, 18), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("livenessProbe tcpSocket", diagnostic.Message);
    }

    [Fact]
    public void A_kubernetes_port_variable_from_a_configmap_is_unknown()
    {
        var file = Write(directory, "pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: shop-api:1.0
                  env:
                    - name: ASPNETCORE_HTTP_PORTS
                      valueFrom:
                        configMapKeyRef: { name: api, key: port }
                  ports:
                    - containerPort: 8080
                  readinessProbe:
                    httpGet: { path: /healthz, port: 9090 }
            """);

        Assert.Empty(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);
    }

    [Fact]
    public void The_file_environment_wins_over_declared_ports_and_an_explicit_port_wins_over_both()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                environment: [ASPNETCORE_HTTP_PORTS=7000]
                ports: ["80:5000"]
                healthcheck:
                  test: wget -q --spider http://localhost:7000/healthz
            """);

        Assert.Empty(DeploymentLint.Run([file], [Busybox], Settings).Diagnostics);
        var explicitPort = Settings with { PortOverride = AppPorts.Explicit(6000) };
        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Busybox], explicitPort).Diagnostics);
        Assert.Contains("the app listens on 6000 (as set explicitly)", diagnostic.Message);
    }

    [Fact]
    public void Without_declared_ports_the_image_environment_decides_then_8080()
    {
        var file = Write(directory, "compose.yaml", """
            services:
              api:
                image: shop-api
                healthcheck:
                  test: wget -q --spider http://localhost:8080/healthz
            """);
        var listensOn5000 = Busybox with { Environment = ["ASPNETCORE_HTTP_PORTS=5000"] };

        Assert.Empty(DeploymentLint.Run([file], [Busybox], Settings with { PortFallback = AppPorts.OfImage(Busybox) }).Diagnostics);
        var diagnostic = Assert.Single(DeploymentLint.Run([file], [listensOn5000], Settings with { PortFallback = AppPorts.OfImage(listensOn5000) }).Diagnostics);
        Assert.Contains("(ASPNETCORE_HTTP_PORTS=5000 in the image)", diagnostic.Message);
    }

    public void Dispose() => directory.Dispose();
}
