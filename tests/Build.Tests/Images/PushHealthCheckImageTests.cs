using ContainerHealth.Build.Images;
using ContainerHealth.TestBed.Registry;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Tests.Images;

/// <summary>The push task against a real registry: whatever goes wrong ends as one CH1011 line, never an exception out of the task.</summary>
[Trait("Tier", "Engine")]
public sealed class PushHealthCheckImageTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Config = """{"architecture":"amd64","os":"linux","config":{"Healthcheck":{"Test":["CMD","/app/healthprobe"]}},"rootfs":{"type":"layers","diff_ids":[]}}""";

    [Fact]
    public void A_manifest_that_is_not_JSON_is_one_CH1011_line_not_a_stack_trace()
    {
        var engine = new RecordingBuildEngine();
        var task = Task(engine, fixture.Registry.Address, manifest: "{\"layers\": [ not json");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CH1011", error.Code);
        Assert.EndsWith("docs/rules/CH1011.md", error.HelpLink);
        Assert.Contains($"{fixture.Registry.Address}/json-test", error.Message);
        Assert.Contains("the SDK's manifest or config is not valid JSON", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unreachable_registry_is_one_CH1011_line_that_says_to_check_it()
    {
        var engine = new RecordingBuildEngine();
        var closed = FreePort();
        var task = Task(engine, $"localhost:{closed}", manifest: "{}");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CH1011", error.Code);
        Assert.Contains($"localhost:{closed} is unreachable after 4 attempts", error.Message);
        Assert.Contains($"make sure localhost:{closed} is reachable", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_cancelled_build_stops_the_push_without_an_error()
    {
        var engine = new RecordingBuildEngine();
        var task = Task(engine, fixture.Registry.Address, manifest: "{}");
        task.Cancel();

        Assert.False(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("was cancelled"));
    }

    private static PushHealthCheckImage Task(IBuildEngine engine, string registry, string manifest) => new()
    {
        BuildEngine = engine,
        Registry = registry,
        Repository = "json-test",
        Tags = [new TaskItem("1.0")],
        Configuration = Config,
        Manifest = manifest,
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
