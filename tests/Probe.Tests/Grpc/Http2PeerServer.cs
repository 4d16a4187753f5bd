using System.Net;
using System.Net.Sockets;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>
/// A raw TCP server on 127.0.0.1 for scripted HTTP/2 peers: for each connection it reads the 24-byte client preface,
/// then runs the behaviour, which writes whatever frames (or bytes) the test wants and reads what it needs.
/// </summary>
public sealed class Http2PeerServer : IAsyncDisposable
{
    private const int PrefaceLength = 24;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<Socket, CancellationToken, Task> behaviour;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;

    private Http2PeerServer(Func<Socket, CancellationToken, Task> behaviour)
    {
        this.behaviour = behaviour;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public static Http2PeerServer Start(Func<Socket, CancellationToken, Task> behaviour) => new(behaviour);

    /// <summary>
    /// Sends its SETTINGS, waits for the client's request, sends <paramref name="bytes"/>, then waits (closing could race
    /// the client's reads).
    /// </summary>
    public static Http2PeerServer Answering(byte[] bytes) => Start(async (socket, token) =>
    {
        await socket.SendAsync(Http2Peer.ServerSettings(), token);
        await Http2Peer.ReadRequestAsync(socket, token);
        await socket.SendAsync(bytes, token);
        await Task.Delay(Timeout.Infinite, token);
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
                connections.Add(ServeAsync(await listener.AcceptSocketAsync(stopping.Token)));
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
                var preface = new byte[PrefaceLength];
                for (var read = 0; read < PrefaceLength;)
                {
                    var count = await socket.ReceiveAsync(preface.AsMemory(read), stopping.Token);
                    if (count == 0)
                    {
                        return;
                    }

                    read += count;
                }

                await behaviour(socket, stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
