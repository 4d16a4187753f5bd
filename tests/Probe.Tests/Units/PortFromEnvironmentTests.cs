extern alias core;

using KestrelAddressVariable = core::ContainerHealth.HealthCheck.KestrelAddressVariable;

namespace ContainerHealth.Probe.Tests.Units;

/// <summary>The probe reads the port at run time; the build and lint (Core's KestrelAddressVariable) must read it alike.</summary>

[Trait("Tier", "Unit")]
public sealed class PortFromEnvironmentTests
{
    [Theory]
    [InlineData(8080, "default")]
    [InlineData(5000, "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTP_PORTS", "5000;5001")]
    [InlineData(5000, "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTP_PORTS", " 5000 ")]
    [InlineData(81, "HTTP_PORTS", "HTTP_PORTS", "81", "ASPNETCORE_HTTP_PORTS", "8080")]
    [InlineData(82, "DOTNET_HTTP_PORTS", "DOTNET_HTTP_PORTS", "82", "ASPNETCORE_HTTP_PORTS", "8080")]
    [InlineData(5000, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "http://+:5000", "ASPNETCORE_HTTP_PORTS", "8080")]
    [InlineData(5001, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "https://+:5443;http://*:5001/")]
    [InlineData(80, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "http://example.com")]
    [InlineData(6000, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "http://[::]:6000")]
    [InlineData(80, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "http://[::]")]
    [InlineData(7000, "URLS", "URLS", "http://0.0.0.0:7000", "ASPNETCORE_URLS", "http://+:5000")]
    [InlineData(7001, "DOTNET_URLS", "DOTNET_URLS", "http://+:7001", "ASPNETCORE_URLS", "http://+:5000")]
    [InlineData(5000, "ASPNETCORE_URLS", "ASPNETCORE_URLS", "HTTP://+:5000", "HTTP_PORTS", "1")]
    [InlineData(8080, "default", "ASPNETCORE_HTTP_PORTS", "  ")]
    public void Port_is_taken_in_kestrels_order(int port, string source, params string[] variables)
    {
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < variables.Length; i += 2)
        {
            environment[variables[i]] = variables[i + 1];
        }

        Assert.True(PortFromEnvironment.TryResolve(name => environment.GetValueOrDefault(name), out var found, out var error), error);
        Assert.Equal(port, found.Port);
        Assert.Equal(source, found.Source);

        var build = KestrelAddressVariable.Find(environment);
        Assert.Equal(source, build?.Name ?? "default");
        Assert.Equal(port, build?.FirstHttpPort ?? PortFromEnvironment.DefaultPort);
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS", "http", "does not start with a port")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "70000", "does not start with a port")]
    [InlineData("ASPNETCORE_URLS", "https://+:443", "has no http:// URL")]
    [InlineData("URLS", "http://+:port", "has no http:// URL")]
    public void Unusable_settings_are_named(string variable, string value, string reason)
    {
        Assert.False(PortFromEnvironment.TryResolve(name => name == variable ? value : null, out _, out var error));
        Assert.Contains($"{variable}='{value}'", error);
        Assert.Contains(reason, error);

        var build = KestrelAddressVariable.Find(new Dictionary<string, string> { [variable] = value });
        Assert.Equal(variable, build?.Name);
        Assert.Null(build?.FirstHttpPort);
    }
}
