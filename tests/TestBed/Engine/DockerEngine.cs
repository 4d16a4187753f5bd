using System.Diagnostics;
using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Engine;

/// <summary>
/// A private Docker engine (Debian's dockerd 20.10 with its own containerd) for this test process: its own data root,
/// exec root and socket, no iptables, no bridge; containers run with <c>--network none</c>. Started at first use, shared
/// by every test of the process, stopped when the process exits (a crashed run's engine is swept by the ledger).
/// <code>
/// var engine = await DockerEngine.SharedAsync();
/// await engine.DockerAsync("pull", "localhost:PORT/app:1");            // engine.Host == "unix:///tmp/ch-engine-…/docker.sock"
/// </code>
/// </summary>
public sealed class DockerEngine
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static DockerEngine? shared;

    private LeftoverRecord record;

    private DockerEngine(string root, LeftoverRecord record)
    {
        Root = root;
        this.record = record;
    }

    /// <summary>The engine's own folder: data, exec root, socket, client config and log.</summary>
    public string Root { get; }

    /// <summary>DOCKER_HOST for clients of this engine (docker, the SDK, skopeo's docker-daemon transport).</summary>
    public string Host => "unix://" + SocketPath;

    public string SocketPath => Path.Combine(Root, "docker.sock");

    /// <summary>What dockerd logged, for failure messages.</summary>
    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    /// <summary>The environment that points docker (and the SDK's docker calls) at this engine.</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment => new Dictionary<string, string?>
    {
        ["DOCKER_HOST"] = Host,
        ["DOCKER_CONFIG"] = Path.Combine(Root, "client"),
    };

    private string LogPath => Path.Combine(Root, "dockerd.log");

    public static async Task<DockerEngine> SharedAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            return shared ??= await StartAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Runs the docker client against this engine.</summary>
    public Task<ProcessResult> DockerAsync(params string[] arguments) => DockerAsync(arguments, TimeSpan.FromMinutes(3));

    public Task<ProcessResult> DockerAsync(IEnumerable<string> arguments, TimeSpan timeout) =>
        ProcessRunner.RunAsync("docker", arguments, environment: new Dictionary<string, string?>(ClientEnvironment), timeout: timeout);

    /// <summary>
    /// Stops the shared engine now, waiting for it: containers removed, daemon stopped, its folder deleted. For programs
    /// (the demo) that must leave nothing running; test processes leave it to process exit.
    /// </summary>
    public static async Task StopSharedAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            if (shared is not null)
            {
                await LeftoverLedger.CleanUpAsync(shared.record);
                shared = null;
            }
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary><c>docker login</c> into this engine's own client config (never the user's ~/.docker).</summary>
    public async Task LoginAsync(string registry, Registry.RegistryCredentials credentials)
    {
        var login = await ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", "printf '%s' \"$1\" | exec docker login --username \"$2\" --password-stdin \"$3\"", "sh", credentials.Password, credentials.UserName, registry],
            environment: new Dictionary<string, string?>(ClientEnvironment),
            timeout: TimeSpan.FromMinutes(1));
        login.EnsureSuccess();
    }

    private static async Task<DockerEngine> StartAsync()
    {
        var driver = Environment.GetEnvironmentVariable("CONTAINERHEALTH_STORAGE_DRIVER");
        try
        {
            return await StartAsync(driver ?? "overlay2");
        }
        catch (Exception e) when (driver is null && e is InvalidOperationException or TimeoutException)
        {
            // overlay2 needs a file system that can hold overlay mounts (not an overlay itself, as /tmp is in some
            // containers); vfs works everywhere, only slower and bigger.
            return await StartAsync("vfs");
        }
    }

    private static async Task<DockerEngine> StartAsync(string storageDriver)
    {
        await LeftoverLedger.EnsureSweptAsync();
        // Unix socket paths are limited to 108 bytes, and containerd nests its sockets under the exec root: keep it short.
        var id = "engine-" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine("/tmp", "ch-" + id);
        Directory.CreateDirectory(Path.Combine(root, "client"));
        var host = "unix://" + Path.Combine(root, "docker.sock");
        var record = new LeftoverRecord(id, ProcessIdentity.Current, Directories: [root], DockerHost: host);
        LeftoverLedger.Write(record);

        // Detached (setsid -f): the test host is killed as a process tree when the run ends, and a daemon killed mid-way
        // leaves its containers behind. Detached, it gets SIGTERM at process exit and shuts its containers down itself.
        var pidFile = Path.Combine(root, "dockerd.pid");
        (await ProcessRunner.RunAsync("setsid", [
            "-f", "/bin/sh", "-c", "exec \"$@\" >\"$0\" 2>&1 </dev/null", Path.Combine(root, "dockerd.log"),
            "dockerd",
            "--data-root", Path.Combine(root, "data"),
            "--exec-root", Path.Combine(root, "exec"),
            "--pidfile", pidFile,
            "-H", host,
            "--storage-driver", storageDriver,
            "--shutdown-timeout", "2",
            "--iptables=false", "--ip6tables=false", "--ip-masq=false", "--bridge=none",
            "--exec-opt", "native.cgroupdriver=cgroupfs", "--userland-proxy=false",
        ], timeout: TimeSpan.FromSeconds(30))).EnsureSuccess();

        var engine = new DockerEngine(root, record);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (engine.record.Process is null && File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                engine.record = record with { Process = ProcessIdentity.Of(pid) };
                LeftoverLedger.Write(engine.record);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => engine.SignalStop();
            }

            if (engine.record.Process is { IsAlive: false })
            {
                var log = engine.Log;
                await LeftoverLedger.CleanUpAsync(engine.record);
                throw new InvalidOperationException($"dockerd ({storageDriver}) exited at start-up:\n{log}");
            }

            if (File.Exists(engine.SocketPath) && (await engine.DockerAsync(["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(30))).ExitCode == 0)
            {
                return engine;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                var log = engine.Log;
                await LeftoverLedger.CleanUpAsync(engine.record);
                throw new TimeoutException($"dockerd ({storageDriver}) did not answer on {host} within 60 s:\n{log}");
            }

            // Waiting for another process's socket: nothing to await but the next look.
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// At process exit there is no time to wait: SIGTERM makes the daemon stop its containers and unmount its layers on its
    /// own; the ledger record stays, and the next run's sweep deletes the engine's folder once the daemon is gone.
    /// </summary>
    private void SignalStop()
    {
        if (shared == this && record.Process is { IsAlive: true } daemon)
        {
            Process.Start(new ProcessStartInfo("kill", ["-TERM", daemon.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })?.WaitForExit(2000);
        }
    }
}
