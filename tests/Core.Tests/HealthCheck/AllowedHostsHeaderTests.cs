using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>The Host header the probe sends when the app's host filter would answer Host: localhost with 400.</summary>
[Trait("Tier", "Unit")]
public sealed class AllowedHostsHeaderTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-allowed-hosts-");

    [Theory]
    [InlineData("example.com;*.example.com", "example.com")]
    [InlineData("*.example.com", "healthcheck.example.com")]
    [InlineData("*.example.com; api.example.org", "api.example.org")]
    [InlineData("*", null)]
    [InlineData("", null)]
    [InlineData("example.com;localhost", null)]
    [InlineData("LOCALHOST", null)]
    public void A_filter_that_excludes_localhost_gets_a_host_it_accepts(string allowedHosts, string? host) =>
        Assert.Equal(host, AllowedHostsHeader.For(allowedHosts));

    [Fact]
    public void Production_settings_override_appsettings_and_the_environment_overrides_both()
    {
        File.WriteAllText(directory.File("appsettings.json"), """{ "AllowedHosts": "*" }""");
        File.WriteAllText(directory.File("appsettings.Production.json"), """{ "allowedhosts": "shop.example.com" }""");
        var settings = AppSettings.Read(directory.Path);

        var fromFiles = AllowedHostsHeader.Choose(settings, []);
        var fromEnvironment = AllowedHostsHeader.Choose(settings, [new("AllowedHosts", "*")]);

        Assert.Equal(new HostHeader("shop.example.com", "appsettings.Production.json AllowedHosts 'shop.example.com'"), fromFiles);
        Assert.Null(fromEnvironment);
    }

    [Fact]
    public void The_planner_pins_the_host_header_into_an_http_check_only()
    {
        File.WriteAllText(directory.File("appsettings.json"), """{ "AllowedHosts": "example.com" }""");
        var facts = new ContainerFacts { RuntimeIdentifier = "linux-x64", ProbeRuntimeIdentifiers = ["linux-x64"], ProjectDirectory = directory.Path };

        var http = HealthCheckPlanner.Decide(new HealthCheckSettings(), facts);
        var grpc = HealthCheckPlanner.Decide(new HealthCheckSettings { Protocol = "grpc" }, facts);

        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz", "--host-header", "example.com", "--timeout", "4s"], http.Definition!.Test);
        Assert.Equal("example.com", http.HostHeader?.Host);
        Assert.Null(grpc.HostHeader);
        Assert.DoesNotContain("--host-header", grpc.Definition!.Test);
    }

    public void Dispose() => directory.Dispose();
}
