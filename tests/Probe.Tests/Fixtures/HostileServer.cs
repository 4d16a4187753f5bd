using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// A raw TCP server on 127.0.0.1 that answers every connection with a scripted behaviour (hang, trickle, garbage,
/// reset...), keeping the bytes of each request it read so tests can assert what the probe sent.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<Socket, CancellationToken, Task> behaviour;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;
    private readonly TaskCompletionSource<string> firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostileServer(Func<Socket, CancellationToken, Task> behaviour, IPAddress address)
    {
        this.behaviour = behaviour;
        listener = new TcpListener(address, 0);
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The head of the first request received (request line and headers).</summary>
    public Task<string> FirstRequest => firstRequest.Task;

    public static HostileServer Start(Func<Socket, CancellationToken, Task> behaviour) => new(behaviour, IPAddress.Loopback);

    /// <summary>Reads the request head, then sends <paramref name="response"/> and closes.</summary>
    public static HostileServer Responding(string response) => Start(async (socket, token) =>
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes(response), token);
        socket.Shutdown(SocketShutdown.Send);
    });

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stopping.Token);
                connections.Add(ServeAsync(socket));
            }
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                firstRequest.TrySetResult(await ReadRequestHeadAsync(socket, stopping.Token));
                await behaviour(socket, stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<string> ReadRequestHeadAsync(Socket socket, CancellationToken token)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!EndsWithBlankLine(received))
        {
            var count = await socket.ReceiveAsync(buffer, token);
            if (count == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, count));
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}
