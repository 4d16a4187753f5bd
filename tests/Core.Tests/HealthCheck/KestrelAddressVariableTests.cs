using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>The one reading of the variables Kestrel takes its addresses from, shared by the HEALTHCHECK's port and lint.</summary>
[Trait("Tier", "Unit")]
public sealed class KestrelAddressVariableTests
{
    [Fact]
    public void A_urls_setting_beats_http_ports_and_the_unprefixed_name_beats_the_prefixed_ones()
    {
        var variable = Find("ASPNETCORE_HTTP_PORTS=8080", "ASPNETCORE_URLS=http://+:5000", "DOTNET_URLS=http://+:5001", "URLS= ");

        Assert.Equal(new KestrelAddressVariable("DOTNET_URLS", "http://+:5001", IsUrls: true), variable);
        Assert.Equal(5001, variable!.FirstHttpPort);
    }

    [Fact]
    public void The_health_check_takes_the_first_http_port_and_lint_every_port_https_too()
    {
        var urls = Find("ASPNETCORE_URLS=https://+;http://+:5000;http://localhost")!;
        Assert.Equal(5000, urls.FirstHttpPort);
        Assert.Equal([443, 5000, 80], urls.Ports);

        var ports = Find("ASPNETCORE_HTTP_PORTS=8080; 8081")!;
        Assert.Equal(8080, ports.FirstHttpPort);
        Assert.Equal([8080, 8081], ports.Ports);
    }

    [Fact]
    public void Ports_written_as_variables_are_unknown_and_https_only_urls_give_no_http_port()
    {
        Assert.Empty(Find("ASPNETCORE_HTTP_PORTS=${PORT}")!.Ports);
        Assert.Null(Find("ASPNETCORE_URLS=https://+:8443")!.FirstHttpPort);
        Assert.Null(Find("PATH=/usr/bin"));
    }

    [Fact]
    public void Image_environment_lines_later_ones_winning()
    {
        var environment = KestrelAddressVariable.Parse(["ASPNETCORE_HTTP_PORTS=8080", "NO_EQUALS", "=nameless", "ASPNETCORE_HTTP_PORTS=9090", "URLS=http://a=b:1"]);

        Assert.Equal(new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "9090", ["URLS"] = "http://a=b:1" }, environment);
    }

    private static KestrelAddressVariable? Find(params string[] variables) => KestrelAddressVariable.Find(KestrelAddressVariable.Parse(variables));
}
