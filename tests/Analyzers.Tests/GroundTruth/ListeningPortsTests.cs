using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

[Trait("Tier", "Unit")]
public sealed class ListeningPortsTests
{
    [Fact]
    public void A_listener_of_this_process_is_found_on_IPv4_and_IPv6_and_gone_once_stopped()
    {
        var v4 = new TcpListener(IPAddress.Loopback, 0);
        var v6 = new TcpListener(IPAddress.IPv6Any, 0);
        v4.Start();
        v6.Start();
        var ports = new[] { ((IPEndPoint)v4.LocalEndpoint).Port, ((IPEndPoint)v6.LocalEndpoint).Port };

        var listening = ListeningPorts.Of(Environment.ProcessId);
        Assert.Contains(ports[0], listening);
        Assert.Contains(ports[1], listening);

        v4.Stop();
        v6.Stop();
        Assert.DoesNotContain(ports[0], ListeningPorts.Of(Environment.ProcessId));
        Assert.DoesNotContain(ports[1], ListeningPorts.Of(Environment.ProcessId));
    }

    [Fact]
    public void A_port_another_process_listens_on_is_not_this_ones()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var other = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            Assert.DoesNotContain(port, ListeningPorts.Of(other.Id));
            Assert.Empty(ListeningPorts.Of(other.Id));
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public void A_process_that_is_gone_listens_on_nothing() => Assert.Empty(ListeningPorts.Of(int.MaxValue));
}
