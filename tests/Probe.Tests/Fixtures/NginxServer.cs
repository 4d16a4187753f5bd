using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// Debian's nginx on 127.0.0.1 (one process, no daemon, everything in a temp directory): /healthz → 200;
/// /big-cookies and /big-cookies-503 → 200 and 503 with ~30 KB of Set-Cookie headers, as some auth proxies send;
/// /private → 200 behind Basic auth for <see cref="User"/>:<see cref="Password"/> (an htpasswd file), else 401.
/// </summary>
public sealed class NginxServer : IAsyncLifetime
{
    public const string User = "probe";
    public const string Password = "s3cret:with colon";
    public const int CookieCount = 30;
    public const int CookieLength = 1000;

    private readonly TemporaryDirectory directory = new("probe-nginx-");
    private Process? process;

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async Task InitializeAsync()
    {
        (await ProcessRunner.RunAsync("htpasswd", ["-bc", directory.File("htpasswd"), User, Password])).EnsureSuccess();
        Port = FreePort();
        // A file, not "return 200": return answers in the rewrite phase, before auth_basic would run.
        Directory.CreateDirectory(directory.File("www"));
        File.WriteAllText(Path.Combine(directory.Path, "www", "private"), "ok\n");
        var cookies = string.Concat(Enumerable.Range(0, CookieCount).Select(i =>
            $"      add_header Set-Cookie \"c{i}={new string('x', CookieLength)}; Path=/; HttpOnly\" always;\n"));
        File.WriteAllText(directory.File("nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{directory.Path}}/nginx.pid;
            error_log {{directory.Path}}/error.log;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{directory.Path}}/body;
              proxy_temp_path {{directory.Path}}/proxy;
              fastcgi_temp_path {{directory.Path}}/fastcgi;
              uwsgi_temp_path {{directory.Path}}/uwsgi;
              scgi_temp_path {{directory.Path}}/scgi;
              server {
                listen 127.0.0.1:{{Port}};
                location = /healthz { return 200 "ok\n"; }
                location = /big-cookies {
            {{cookies}}      return 200 "ok\n";
                }
                location = /big-cookies-503 {
            {{cookies}}      return 503 "down\n";
                }
                location = /private {
                  auth_basic "probe";
                  auth_basic_user_file {{directory.Path}}/htpasswd;
                  root {{directory.Path}}/www;
                  default_type text/plain;
                }
              }
            }
            """);

        var startInfo = new ProcessStartInfo("nginx")
        {
            ArgumentList = { "-e", directory.File("error.log"), "-p", directory.Path, "-c", directory.File("nginx.conf") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        process = Process.Start(startInfo)!;
        await WaitUntilListeningAsync();
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

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync() + ReadErrorLog());
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                // nginx has not bound its port yet: poll the port itself, the one thing to wait for.
                await Task.Delay(10);
            }
        }
    }

    private string ReadErrorLog()
    {
        var log = directory.File("error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
