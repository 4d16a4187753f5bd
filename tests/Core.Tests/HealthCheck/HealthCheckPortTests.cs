using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>
/// The one port derivation. Its order is Kestrel's (checked end to end under the real engine in PublishContainer.Tests):
/// appsettings endpoints override the environment, URLS overrides HTTP_PORTS, ContainerPort is only metadata.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class HealthCheckPortTests : IDisposable
{
    private readonly TemporaryDirectory project = new("ch-port-");

    [Fact]
    public void Explicit_port_wins_and_is_pinned()
    {
        WriteSettings("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } } }""");

        Assert.Equal(new AppPort(7000, "ContainerHealthCheckPort", true), Resolve(7000, Facts()));
    }

    [Fact]
    public void Kestrel_endpoint_in_appsettings_overrides_the_environment_and_is_pinned()
    {
        WriteSettings("appsettings.json", """
            // comments and trailing commas, as appsettings.json allows
            { "kestrel": { "endpoints": { "Https": { "Url": "https://+:5001" }, "Http": { "url": "http://+:5000" }, }, } }
            """);

        var port = Resolve(null, Facts(environment: [new("ASPNETCORE_HTTP_PORTS", "8080")]));

        Assert.Equal((5000, true), (port.Number, port.Pinned));
        Assert.Contains("appsettings.json", port.Source);
    }

    [Fact]
    public void Production_settings_override_the_base_file_key_by_key()
    {
        WriteSettings("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } } }""");
        WriteSettings("appsettings.Production.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://*:6000" } } } }""");

        Assert.Equal(6000, Resolve(null, Facts()).Number);
    }

    [Fact]
    public void Urls_setting_in_appsettings_takes_the_first_http_url()
    {
        WriteSettings("appsettings.json", """{ "urls": "https://+:5001;http://[::]:5080" }""");

        Assert.Equal(5080, Resolve(null, Facts()).Number);
    }

    [Fact]
    public void Urls_variable_overrides_http_ports_wherever_each_is_set_and_stays_unpinned()
    {
        var port = Resolve(null, Facts(
            environment: [new("ASPNETCORE_URLS", "http://+:9000")],
            image: ["ASPNETCORE_HTTP_PORTS=8080"]));

        Assert.Equal(new AppPort(9000, "ASPNETCORE_URLS in ContainerEnvironmentVariable", false), port);
    }

    [Fact]
    public void Base_image_environment_decides_before_ContainerPort()
    {
        var port = Resolve(null, Facts(image: ["ASPNETCORE_HTTP_PORTS=8081"], ports: [new("5000", "tcp")]));

        Assert.Equal((8081, false), (port.Number, port.Pinned));
    }

    [Fact]
    public void ContainerPort_when_the_environment_is_silent_is_pinned_then_8080()
    {
        Assert.Equal(new AppPort(5000, "ContainerPort", true), Resolve(null, Facts(ports: [new("53", "udp"), new("5000", "")])));
        Assert.Equal(AppPort.Default, Resolve(null, Facts()));
    }

    [Fact]
    public void Pinned_port_goes_into_the_probe_command()
    {
        WriteSettings("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } } }""");

        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), Facts() with { RuntimeIdentifier = "linux-x64", ProbeRuntimeIdentifiers = ["linux-x64"] });

        Assert.Equal(["CMD", "/app/healthprobe", "http://localhost:5000/healthz", "--timeout", "4s"], decision.Definition!.Test);
    }

    [Theory]
    [InlineData("http://+:5000", 5000)]
    [InlineData("http://*:80/", 80)]
    [InlineData("http://localhost", 80)]
    [InlineData("http://[::]:5005", 5005)]
    [InlineData("HTTP://0.0.0.0:7070", 7070)]
    [InlineData("https://+:443", null)]
    [InlineData("http://+:port", null)]
    public void Kestrel_url_port(string url, int? port) => Assert.Equal(port, AppSettingsPort.HttpPort(url));

    public void Dispose() => project.Dispose();

    private void WriteSettings(string name, string json) => File.WriteAllText(project.File(name), json);

    private static AppPort Resolve(int? explicitPort, ContainerFacts facts) =>
        HealthCheckPort.Resolve(explicitPort, facts, AppSettings.Read(facts.ProjectDirectory));

    private ContainerFacts Facts(
        KeyValuePair<string, string>[]? environment = null,
        string[]? image = null,
        KeyValuePair<string, string>[]? ports = null) => new()
    {
        ProjectDirectory = project.Path,
        EnvironmentVariables = environment ?? [],
        BaseImageEnvironment = image ?? [],
        Ports = ports ?? [],
    };
}
