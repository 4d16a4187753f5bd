using System.Text.Json.Nodes;
using ContainerHealth.Core.Tests.Images;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Snippets;
using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Core.Tests.Snippets;

[Trait("Tier", "Unit")]
public sealed class SnippetTests
{
    [Fact]
    public void Ecs_snippet_is_the_exec_form_in_whole_seconds()
    {
        var result = EcsHealthCheckSnippet.Create(HealthCheckImageTests.Probe);

        var snippet = JsonNode.Parse(result.Text)!;
        Assert.Equal("""["CMD","/app/healthprobe","--path","/healthz"]""", snippet["command"]!.ToJsonString());
        Assert.Equal(30, snippet["interval"]!.GetValue<int>());
        Assert.Equal(5, snippet["timeout"]!.GetValue<int>());
        Assert.Equal(3, snippet["retries"]!.GetValue<int>());
        Assert.Equal(0, snippet["startPeriod"]!.GetValue<int>());
        Assert.Empty(result.Diagnostics);
        Assert.Equal("ecs-healthcheck.json", result.FileName);
    }

    [Fact]
    public void Ecs_snippet_clamps_to_ECS_ranges_with_a_CH1006_warning_per_value()
    {
        var definition = HealthCheckImageTests.Probe with
        {
            Interval = new DockerDuration(1_000_000_000),
            Timeout = new DockerDuration(500_000_000),
            StartPeriod = DockerDuration.FromSeconds(600),
            Retries = 20,
        };

        var result = EcsHealthCheckSnippet.Create(definition);

        var snippet = JsonNode.Parse(result.Text)!;
        Assert.Equal(5, snippet["interval"]!.GetValue<int>());
        Assert.Equal(2, snippet["timeout"]!.GetValue<int>());
        Assert.Equal(300, snippet["startPeriod"]!.GetValue<int>());
        Assert.Equal(10, snippet["retries"]!.GetValue<int>());
        Assert.Equal(4, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(("CH1006", DiagnosticSeverity.Warning), (d.Code, d.Severity)));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("ContainerHealthCheckInterval") && d.Message.Contains("from 5 to 300"));
    }

    [Fact]
    public void Ecs_snippet_at_the_range_edges_needs_no_warning()
    {
        var definition = HealthCheckImageTests.Probe with
        {
            Interval = DockerDuration.FromSeconds(300),
            Timeout = DockerDuration.FromSeconds(2),
            StartPeriod = DockerDuration.FromSeconds(300),
            Retries = 1,
        };

        Assert.Empty(EcsHealthCheckSnippet.Create(definition).Diagnostics);
    }

    [Fact]
    public void Compose_snippet_uses_Dockers_duration_syntax()
    {
        var definition = HealthCheckImageTests.Probe with { Interval = new DockerDuration(90_000_000_000), StartPeriod = new DockerDuration(500_000_000) };

        var yaml = Load(ComposeHealthCheckSnippet.Create(definition, "My App").Text);

        var healthcheck = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml["services"])["my-app"])["healthcheck"];
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz"], ((YamlSequenceNode)healthcheck["test"]).Select(n => n.ToString()));
        Assert.Equal("1m30s", healthcheck["interval"].ToString());
        Assert.Equal("5s", healthcheck["timeout"].ToString());
        Assert.Equal("3", healthcheck["retries"].ToString());
        Assert.Equal("500ms", healthcheck["start_period"].ToString());
        Assert.Equal("5s", healthcheck["start_interval"].ToString());
    }

    [Fact]
    public void Kubernetes_snippet_probes_over_http_with_no_binary()
    {
        var yaml = Load(KubernetesProbesSnippet.Create(HealthCheckImageTests.Probe with { StartPeriod = DockerDuration.FromSeconds(10) }, HealthCheckProtocol.Http, "/ready", 5000).Text);

        foreach (var name in new[] { "livenessProbe", "readinessProbe" })
        {
            var probe = (YamlMappingNode)yaml[name];
            var httpGet = (YamlMappingNode)probe["httpGet"];
            Assert.Equal("/ready", httpGet["path"].ToString());
            Assert.Equal("5000", httpGet["port"].ToString());
            Assert.Equal("30", probe["periodSeconds"].ToString());
            Assert.Equal("5", probe["timeoutSeconds"].ToString());
            Assert.Equal("3", probe["failureThreshold"].ToString());
            Assert.False(probe.Children.ContainsKey("initialDelaySeconds"));
        }

        // The start period (10 s) as a startup probe every start interval (5 s): ready as soon as the app answers.
        var startup = (YamlMappingNode)yaml["startupProbe"];
        Assert.Equal(("5", "2"), (startup["periodSeconds"].ToString(), startup["failureThreshold"].ToString()));
    }

    [Theory]
    [InlineData(HealthCheckProtocol.Grpc, "grpc")]
    [InlineData(HealthCheckProtocol.Tcp, "tcpSocket")]
    public void Kubernetes_snippet_uses_the_native_probe_of_the_protocol(HealthCheckProtocol protocol, string action)
    {
        var yaml = Load(KubernetesProbesSnippet.Create(HealthCheckImageTests.Probe with { StartPeriod = DockerDuration.FromSeconds(10) }, protocol, "/healthz", 5000).Text);

        foreach (var name in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var probe = (YamlMappingNode)yaml[name];
            var native = (YamlMappingNode)probe[action];
            Assert.Equal("5000", native["port"].ToString());
            Assert.Single(native.Children);
            Assert.False(probe.Children.ContainsKey("httpGet"));
            Assert.Equal("5", probe["timeoutSeconds"].ToString());
        }
    }

    [Fact]
    public void Kubernetes_grpc_probe_names_the_service_when_the_check_does()
    {
        var yaml = Load(KubernetesProbesSnippet.Create(HealthCheckImageTests.Probe, HealthCheckProtocol.Grpc, "/healthz", 8080, "shop.Orders").Text);

        var grpc = (YamlMappingNode)((YamlMappingNode)yaml["livenessProbe"])["grpc"];
        Assert.Equal(("8080", "shop.Orders"), (grpc["port"].ToString(), grpc["service"].ToString()));
    }

    [Fact]
    public void Ecs_and_compose_snippets_run_the_probe_in_grpc_mode_when_the_image_does()
    {
        var definition = HealthCheckImageTests.Probe with { Test = ["CMD", "/app/healthprobe", "--protocol", "grpc", "--timeout", "4s"] };

        var ecs = JsonNode.Parse(EcsHealthCheckSnippet.Create(definition).Text)!;
        var compose = Load(ComposeHealthCheckSnippet.Create(definition, "greeter").Text);

        Assert.Equal("""["CMD","/app/healthprobe","--protocol","grpc","--timeout","4s"]""", ecs["command"]!.ToJsonString());
        var test = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)compose["services"])["greeter"])["healthcheck"])["test"];
        Assert.Equal(definition.Test, test.Select(n => n.ToString()));
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
