using System.Globalization;
using System.Text.Json;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// A container in the private Docker engine, run with <c>--network none</c> (its own network namespace, loopback only).
/// <see cref="ExecAsync"/> is <c>docker exec</c>; <see cref="WaitForHealthAsync"/> waits for the engine's own health verdict;
/// <see cref="RunInNetworkAsync"/> runs a host program (e.g. curl) inside the container's network namespace.
/// Dispose removes the container. Create one with <see cref="ContainerRunner"/>.
/// </summary>
public sealed class RunningContainer : IAsyncDisposable
{
    private readonly DockerEngine engine;
    private readonly LeftoverRecord record;

    private RunningContainer(DockerEngine engine, string name, LeftoverRecord record, ImageConfig config)
    {
        this.engine = engine;
        Name = name;
        this.record = record;
        Config = config;
    }

    /// <summary>The container's name in the engine, unique per run.</summary>
    public string Name { get; }

    /// <summary>The host PID of the container's first process (the app).</summary>
    public int Pid { get; private set; }

    /// <summary>The image's config as the engine reports it (Env, User, Healthcheck, ...).</summary>
    public ImageConfig Config { get; }

    /// <summary>The container's merged root file system on the host (overlay2's MergedDir).</summary>
    public string Rootfs { get; private set; } = "";

    internal static async Task<RunningContainer> StartAsync(DockerEngine engine, string image, ContainerRunOptions options)
    {
        var name = options.Name ?? "ch-" + Guid.NewGuid().ToString("N")[..16];
        var record = new LeftoverRecord(name, ProcessIdentity.Current, ContainerId: name, DockerHost: engine.Host);
        LeftoverLedger.Write(record);
        var inspected = await engine.DockerAsync("image", "inspect", image);
        var container = new RunningContainer(engine, name, record, ImageConfig.FromDockerInspect(inspected.EnsureSuccess().StandardOutput));
        try
        {
            (await engine.DockerAsync(DockerRunArguments.For(name, image, options), TimeSpan.FromMinutes(2))).EnsureSuccess();
            using var state = JsonDocument.Parse((await engine.DockerAsync("container", "inspect", name)).EnsureSuccess().StandardOutput);
            var root = state.RootElement[0];
            container.Pid = root.GetProperty("State").GetProperty("Pid").GetInt32();
            container.Rootfs = root.GetProperty("GraphDriver").GetProperty("Data").TryGetProperty("MergedDir", out var merged) ? merged.GetString() ?? "" : "";
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the container's first process wrote to stdout and stderr so far (<c>docker logs</c>).</summary>
    public async Task<string> LogsAsync() => (await engine.DockerAsync("logs", Name)).Output;

    /// <summary><c>docker exec</c>, stdout and stderr in one text.</summary>
    public async Task<ExecResult> ExecAsync(params string[] argv)
    {
        var exec = await ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", "exec \"$@\" 2>&1", "sh", "docker", "exec", Name, .. argv],
            environment: new Dictionary<string, string?>(engine.ClientEnvironment),
            timeout: TimeSpan.FromMinutes(1));
        return new ExecResult(exec.ExitCode, exec.StandardOutput);
    }

    /// <summary>Waits until a socket in the container listens on <paramref name="port"/> (TCP, v4 or v6).</summary>
    public async Task WaitForListeningAsync(int port, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + limit;
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        while (DateTime.UtcNow < deadline)
        {
            if (!await IsRunningAsync())
            {
                throw new InvalidOperationException($"container {Name} stopped before listening on {port}:\n{await LogsAsync()}");
            }

            foreach (var table in (string[])["tcp", "tcp6"])
            {
                string[] lines;
                try
                {
                    lines = await File.ReadAllLinesAsync($"/proc/{Pid}/net/{table}");
                }
                catch (IOException)
                {
                    continue;
                }

                // Columns: sl local_address rem_address st ...; state 0A is LISTEN.
                if (lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Any(c => c.Length > 3 && c[1].EndsWith(hexPort, StringComparison.Ordinal) && c[3] == "0A"))
                {
                    return;
                }
            }

            // The kernel's socket table has no change notification; look again shortly.
            await Task.Delay(20);
        }

        throw new TimeoutException($"container {Name} did not listen on {port} within {limit}:\n{await LogsAsync()}");
    }

    /// <summary>
    /// Waits for the engine's health verdict and returns State.Health: the first Healthy or Unhealthy (or
    /// <paramref name="target"/>) — judged by a check that started at or after <paramref name="since"/>, when given — None
    /// for a container without a check, or the state as it is when <paramref name="bound"/> passes first.
    /// A test that expects Healthy passes <c>target: HealthStatus.Healthy</c>: on a loaded machine an app can outlast the
    /// start period and read Unhealthy first, and the engine turns it Healthy at its next passing check.
    /// </summary>
    public Task<HealthCheckReport> WaitForHealthAsync(TimeSpan? bound = null, HealthStatus? target = null, DateTimeOffset? since = null) =>
        HealthWatcher.WaitAsync(engine, Name, target, since, bound ?? TimeSpan.FromMinutes(2));

    /// <summary>Runs a host program inside the container's network namespace: <c>nsenter -t PID -n ...</c>.</summary>
    public Task<ProcessResult> RunInNetworkAsync(params string[] command) =>
        ProcessRunner.RunAsync("nsenter", ["-t", Pid.ToString(CultureInfo.InvariantCulture), "-n", .. command], timeout: TimeSpan.FromSeconds(60));

    /// <summary>GET http://localhost:PORT/PATH from inside the container's network (host curl); status 0 if no answer.</summary>
    public async Task<(int Status, string Body)> HttpGetAsync(int port, string path)
    {
        var result = await RunInNetworkAsync("curl", "-s", "-m", "10", "-w", "\n%{http_code}", $"http://localhost:{port}{path}");
        var split = result.StandardOutput.LastIndexOf('\n');
        return (int.Parse(result.StandardOutput[(split + 1)..], CultureInfo.InvariantCulture), result.StandardOutput[..Math.Max(split, 0)]);
    }

    public async Task<bool> IsRunningAsync() =>
        (await engine.DockerAsync("container", "inspect", "--format", "{{.State.Running}}", Name)).StandardOutput.Trim() == "true";

    public async ValueTask DisposeAsync() => await LeftoverLedger.CleanUpAsync(record);
}
