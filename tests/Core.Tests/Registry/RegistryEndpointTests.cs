using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Registry;

[Trait("Tier", "Unit")]
public class RegistryEndpointTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("mcr.microsoft.com", false)]
    [InlineData("localhost.example.com:5000", false)]
    public void Loopback_registries_are_recognised(string registry, bool loopback) =>
        Assert.Equal(loopback, RegistryEndpoint.IsLoopback(registry));

    [Fact]
    public void Docker_Hub_is_served_from_its_api_host() =>
        Assert.Equal("registry-1.docker.io", RegistryEndpoint.ApiHost("docker.io"));
}
