using System.Net;
using System.Net.Sockets;
using System.Diagnostics;
using ContainerHealth.TestBed;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>
/// A real docker-registry on a free loopback port, optionally with htpasswd basic auth.
/// Stand-in until the test bed's registry fixture is on main.
/// </summary>
internal sealed class LocalRegistry : IAsyncDisposable
{
    private readonly Process process;

    private LocalRegistry(Process process, int port, string directory)
    {
        this.process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<LocalRegistry> StartAsync(string? user = null, string? password = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("ch-registry-").FullName;
        var port = FreePort();
        var auth = "";
        if (user is not null)
        {
            var htpasswd = await ProcessRunner.RunAsync("htpasswd", ["-Bbn", user, password!]);
            await File.WriteAllTextAsync(Path.Combine(directory, "htpasswd"), htpasswd.StandardOutput);
            auth = $"auth:\n  htpasswd:\n    realm: test\n    path: {directory}/htpasswd\n";
        }

        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config,
            $"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {directory}/data\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n{auth}");
        var startInfo = new ProcessStartInfo("docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, port, directory);

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return registry;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                await registry.DisposeAsync();
                throw new InvalidOperationException("docker-registry did not start");
            }

            await Task.Delay(25);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
