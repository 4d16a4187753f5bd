using System.Diagnostics;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>
/// The @grpc/grpc-js server with grpc-health-check (Grpc/node/health-server.js) on 127.0.0.1: the second gRPC
/// implementation. Statuses are set at start ("service=STATUS", "" for the whole server) and changed with <see cref="SetAsync"/>.
/// </summary>
public sealed class NodeHealthServer : IAsyncDisposable
{
    private readonly Process process;

    private NodeHealthServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<NodeHealthServer> StartAsync(params string[] statuses)
    {
        await NodeGrpc.EnsureInstalledAsync();
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(NodeGrpc.ScriptsDirectory, "health-server.js"));
        foreach (var status in statuses)
        {
            startInfo.ArgumentList.Add(status);
        }

        startInfo.Environment["NODE_PATH"] = NodeGrpc.NodePath;
        var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line && line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new NodeHealthServer(process, int.Parse(line["listening ".Length..]));
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the grpc-js health server did not start: " + await stderr);
    }

    /// <summary>Changes one status and waits until the server has applied it.</summary>
    public async Task SetAsync(string service, string status)
    {
        await process.StandardInput.WriteLineAsync($"{service}={status}");
        await process.StandardInput.FlushAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await process.StandardOutput.ReadLineAsync(deadline.Token);
        if (answer != "set")
        {
            throw new InvalidOperationException($"the grpc-js health server answered '{answer}'");
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
