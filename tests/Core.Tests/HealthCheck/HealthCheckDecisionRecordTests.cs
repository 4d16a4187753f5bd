using ContainerHealth.HealthCheck;
using ContainerHealth.Snippets;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>The saved decision: what the planner decided, read back whole by the later steps.</summary>
[Trait("Tier", "Unit")]
public sealed class HealthCheckDecisionRecordTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-decision-record-");

    [Fact]
    public void The_whole_decision_survives_the_file()
    {
        File.WriteAllText(directory.File("appsettings.json"), """{ "AllowedHosts": "*.example.com", "urls": "http://+:5000" }""");
        var settings = new HealthCheckSettings { Interval = "10s" };
        var facts = new ContainerFacts
        {
            RuntimeIdentifier = "linux-arm64",
            ProbeRuntimeIdentifiers = ["linux-arm64"],
            ProjectDirectory = directory.Path,
            AppAssembly = AppAssemblyWithEndpoints.Write(directory.Path, (AppHealthEndpoints.MetadataKey, "v1|complete|/health;/alive|")),
        };
        var decision = HealthCheckPlanner.Decide(settings, facts);
        var path = HealthCheckDecisionFile.PathFor(directory.File("decisions"), "linux-arm64");

        HealthCheckDecisionFile.Write(path, HealthCheckDecisionRecord.From(decision, settings, facts, "/obj/facts/linux-arm64.json"));
        var record = HealthCheckDecisionFile.Read(path)!;

        Assert.Equal(("http", "/alive", ProbePathChoice.AppSource), (record.Protocol, record.Path, record.PathSource));
        Assert.Equal((5000, "appsettings.json urls", true), (record.Port, record.PortSource, record.PortPinned));
        Assert.Equal("healthcheck.example.com", record.HostHeader);
        Assert.Equal(["/health", "/alive"], record.AppEndpoints!.Confirmed);
        Assert.True(record.ProbeCopied);
        Assert.Equal("/obj/facts/linux-arm64.json", record.FactsFile);
        Assert.Equal(decision.Definition, record.Definition());
        Assert.Equal(["CMD", "/app/healthprobe", "http://localhost:5000/alive", "--host-header", "healthcheck.example.com", "--timeout", "4s"], record.Definition()!.Test);
        Assert.Equal("/health", ProbePathChoice.ReadinessPath(record));
    }

    [Fact]
    public void A_custom_command_is_recorded_as_the_command_protocol_without_a_probe()
    {
        var settings = new HealthCheckSettings { Command = "CMD-SHELL curl -f http://localhost:8080/healthz" };
        var facts = new ContainerFacts { RuntimeIdentifier = "linux-x64", ProbeRuntimeIdentifiers = ["linux-x64"] };

        var record = HealthCheckDecisionRecord.From(HealthCheckPlanner.Decide(settings, facts), settings, facts, "");

        Assert.Equal("command", record.Protocol);
        Assert.False(record.ProbeCopied);
        Assert.Equal("", record.PathUnconfirmed);
    }

    [Fact]
    public void A_missing_or_broken_record_reads_as_none()
    {
        var broken = directory.File("broken.json");
        File.WriteAllText(broken, "{ not json");

        Assert.Null(HealthCheckDecisionFile.Read(broken));
        Assert.Null(HealthCheckDecisionFile.Read(directory.File("absent.json")));
    }

    [Fact]
    public void Kubernetes_liveness_probes_the_chosen_path_readiness_the_other_and_both_send_the_host()
    {
        var definition = new HealthCheckDefinition(["CMD", "/app/healthprobe"], DockerDuration.FromSeconds(30), DockerDuration.FromSeconds(5), DockerDuration.Zero, DockerDuration.Zero, 3);

        var text = KubernetesProbesSnippet.Create(definition, HealthCheckProtocol.Http, "/alive", 8080, hostHeader: "example.com", readinessPath: "/health").Text;

        Assert.Contains("livenessProbe:\n  httpGet:\n    path: \"/alive\"\n    port: 8080\n    httpHeaders:\n      - name: Host\n        value: \"example.com\"\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("readinessProbe:\n  httpGet:\n    path: \"/health\"\n", text.ReplaceLineEndings("\n"));
    }

    public void Dispose() => directory.Dispose();
}
