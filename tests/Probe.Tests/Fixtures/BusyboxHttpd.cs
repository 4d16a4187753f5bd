using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// busybox httpd on 127.0.0.1 serving a temp directory: /healthz → 200, anything missing → 404, /private/ → 200 behind
/// Basic auth for <see cref="User"/>:<see cref="Password"/> (httpd.conf), else 401.
/// </summary>
public sealed class BusyboxHttpd : IAsyncLifetime
{
    public const string User = "probe";
    public const string Password = "s3cret";

    private readonly TemporaryDirectory directory = new("probe-httpd-");
    private Process? process;

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async Task InitializeAsync()
    {
        var www = directory.File("www");
        Directory.CreateDirectory(Path.Combine(www, "private"));
        File.WriteAllText(Path.Combine(www, "healthz"), "ok\n");
        File.WriteAllText(Path.Combine(www, "private", "index.html"), "ok\n");
        File.WriteAllText(directory.File("httpd.conf"), $"/private:{User}:{Password}\n");
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        process = Process.Start(new ProcessStartInfo("busybox")
        {
            ArgumentList = { "httpd", "-f", "-p", $"127.0.0.1:{Port}", "-h", www, "-c", directory.File("httpd.conf") },
            UseShellExecute = false,
        })!;

        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (!process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                // httpd has not bound its port yet: poll the port itself, the one thing to wait for.
                await Task.Delay(10);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        directory.Dispose();
        return Task.CompletedTask;
    }
}
