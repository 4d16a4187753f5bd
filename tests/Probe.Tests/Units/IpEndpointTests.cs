namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class IpEndpointTests
{
    [Theory]
    [InlineData("::1", "[::1]:80")]
    [InlineData("::", "[::]:80")]
    [InlineData("fe80::1:0:0:1", "[fe80::1:0:0:1]:80")]
    [InlineData("2001:db8:0:0:1:0:0:1", "[2001:db8::1:0:0:1]:80")]
    [InlineData("1:2:3:4:5:6:7:8", "[1:2:3:4:5:6:7:8]:80")]
    [InlineData("1:0:3:4:5:6:7:8", "[1:0:3:4:5:6:7:8]:80")]
    [InlineData("::ffff:10.0.0.1", "[::ffff:a00:1]:80")]
    [InlineData("192.168.1.20", "192.168.1.20:80")]
    public void Literals_resolve_to_themselves_and_print_in_rfc_5952_form(string host, string printed)
    {
        Assert.True(EndpointResolution.TryResolve(host, 80, NoResolver, out var endpoints, out var error), error);

        Assert.Equal(printed, Assert.Single(endpoints).ToString());
    }

    [Fact]
    public void Localhost_needs_no_resolver_and_tries_IPv4_first()
    {
        Assert.True(EndpointResolution.TryResolve("LocalHost", 8080, NoResolver, out var endpoints, out _));

        Assert.Equal(["127.0.0.1:8080", "[::1]:8080"], endpoints.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_ipv6_literal_is_refused()
    {
        Assert.False(EndpointResolution.TryResolve("1::2::3", 80, NoResolver, out _, out var error));
        Assert.Contains("not an IPv6 address", error);
    }

    [Fact]
    public void Socket_address_has_the_linux_layout()
    {
        var buffer = new byte[28];

        Assert.Equal(16, IpEndpoint.Loopback4(8080).WriteSocketAddress(buffer));
        Assert.Equal(new byte[] { 2, 0, 0x1F, 0x90, 127, 0, 0, 1 }, buffer[..8]);
        Assert.Equal(28, IpEndpoint.Loopback6(8080).WriteSocketAddress(buffer));
        Assert.Equal(new byte[] { 10, 0, 0x1F, 0x90 }, buffer[..4]);
        Assert.Equal(1, buffer[23]);
    }

    /// <summary>Literals and localhost must never reach the system resolver (nor start the watchdog thread that guards it).</summary>
    private static void NoResolver() => throw new InvalidOperationException("the system resolver was asked");
}
