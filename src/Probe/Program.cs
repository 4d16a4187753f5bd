using System.Net.Sockets;

// Minimal TCP connect check; the probe issue grows this into the full HTTP probe.
var target = args.Length > 0 ? args[0] : "tcp://127.0.0.1:8080";
var uri = new Uri(target);
try
{
    using var client = new TcpClient();
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
    client.ConnectAsync(uri.Host, uri.Port, cts.Token).AsTask().GetAwaiter().GetResult();
    Console.WriteLine($"healthy: connected to {uri.Host}:{uri.Port}");
    return 0;
}
catch (Exception e)
{
    Console.WriteLine($"unhealthy: {e.Message}");
    return 1;
}
