using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Registry;

/// <summary>
/// A real registry (Debian's docker-registry, the CNCF distribution) on a free localhost port, storage in a temp dir.
/// The SDK pushes to and pulls from <c>localhost:PORT</c> over plain HTTP without any settings.
/// <code>
/// await using var registry = await TestRegistry.StartAsync();                 // registry.Address == "localhost:PORT"
/// await using var secured = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());   // htpasswd basic auth
/// </code>
/// </summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly LeftoverRecord record;

    private TestRegistry(int port, string directory, LeftoverRecord record, RegistryCredentials? credentials)
    {
        Port = port;
        Directory = directory;
        this.record = record;
        Credentials = credentials;
    }

    public int Port { get; }

    /// <summary><c>localhost:PORT</c>, the form the SDK treats as an insecure (HTTP) registry.</summary>
    public string Address => $"localhost:{Port}";

    public Uri BaseUri => new($"http://localhost:{Port}/");

    public string Directory { get; }

    public RegistryCredentials? Credentials { get; }

    public int ProcessId => record.Process!.Pid;

    public static async Task<TestRegistry> StartAsync(RegistryCredentials? credentials = null)
    {
        await LeftoverLedger.EnsureSweptAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(credentials);
            }
            catch (PortTakenException) when (attempt < 5)
            {
                // Another process took the free port between our probe and the registry's bind; pick another.
            }
        }
    }

    /// <summary>Environment for the SDK or skopeo when the registry requires auth (the SDK reads these two).</summary>
    public IReadOnlyDictionary<string, string?> CredentialEnvironment => Credentials is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["DOTNET_CONTAINER_REGISTRY_UNAME"] = Credentials.UserName,
            ["DOTNET_CONTAINER_REGISTRY_PWORD"] = Credentials.Password,
        };

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (Credentials is not null)
        {
            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Credentials.UserName}:{Credentials.Password}"));
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await LeftoverLedger.CleanUpAsync(record);

    private static async Task<TestRegistry> TryStartAsync(RegistryCredentials? credentials)
    {
        var id = "registry-" + Guid.NewGuid().ToString("N")[..12];
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ch-" + id);
        var owner = ProcessIdentity.Current;
        LeftoverLedger.Write(new LeftoverRecord(id, owner, Directories: [directory]));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(directory, "storage"));

        var port = FreePort();
        string? htpasswd = null;
        if (credentials is not null)
        {
            htpasswd = System.IO.Path.Combine(directory, "htpasswd");
            var hash = await ProcessRunner.RunAsync("htpasswd", ["-Bbn", credentials.UserName, credentials.Password], timeout: TimeSpan.FromSeconds(30));
            await File.WriteAllTextAsync(htpasswd, hash.EnsureSuccess().StandardOutput);
        }

        await File.WriteAllTextAsync(System.IO.Path.Combine(directory, "config.yml"), Config(directory, port, htpasswd));

        // exec keeps the PID; the log file (not a pipe to us) keeps the registry independent of this process's stdio.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "exec docker-registry serve config.yml >registry.log 2>&1" },
            WorkingDirectory = directory,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker-registry");
        var record = new LeftoverRecord(id, owner, ProcessIdentity.Of(process.Id), Directories: [directory]);
        LeftoverLedger.Write(record);
        var registry = new TestRegistry(port, directory, record, credentials);
        try
        {
            await registry.WaitUntilServingAsync(process);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var log = await File.ReadAllTextAsync(System.IO.Path.Combine(Directory, "registry.log"));
                if (log.Contains("address already in use"))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}:\n{log}");
            }

            try
            {
                using var response = await client.GetAsync("v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"docker-registry did not answer /v2/ on {Address} within {StartDeadline}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Config(string directory, int port, string? htpasswd)
    {
        var auth = htpasswd is null ? "" : $"""
            auth:
              htpasswd:
                realm: containerhealth-tests
                path: {htpasswd}

            """;
        return $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {System.IO.Path.Combine(directory, "storage")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            {auth}
            """;
    }

    private sealed class PortTakenException : Exception;
}
