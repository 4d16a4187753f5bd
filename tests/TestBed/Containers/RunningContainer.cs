using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// A runc container started from an <see cref="UnpackedImage"/>, in its own network namespace with only loopback up.
/// <see cref="ExecAsync"/> is <c>docker exec</c>; <see cref="WaitForListeningAsync"/> polls the container's sockets;
/// <see cref="RunInNetworkAsync"/> runs a host program (e.g. curl) inside the container's network namespace.
/// Dispose force-deletes the container and its files. Create one with <see cref="ContainerRunner"/>.
/// </summary>
public sealed partial class RunningContainer : IAsyncDisposable
{
    private readonly UnpackedImage image;
    private readonly LeftoverRecord record;

    private RunningContainer(string id, UnpackedImage image, LeftoverRecord record)
    {
        Id = id;
        this.image = image;
        this.record = record;
    }

    /// <summary>The runc container ID, unique per run.</summary>
    public string Id { get; }

    /// <summary>When <c>runc start</c> returned; health check start periods count from here.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The host PID of the container's first process (the app).</summary>
    public int Pid { get; private set; }

    public ImageConfig Config => image.Config;

    public string Rootfs => image.Rootfs;

    /// <summary>What the container's first process wrote to stdout and stderr so far.</summary>
    public string Logs => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private string LogPath => Path.Combine(image.Directory, "container.log");

    internal static async Task<RunningContainer> StartAsync(UnpackedImage image, ContainerRunOptions options)
    {
        var id = "ch-" + Guid.NewGuid().ToString("N")[..16];
        var record = new LeftoverRecord(id, ProcessIdentity.Current, ContainerId: id, Directories: [image.Directory]);
        LeftoverLedger.Write(record);
        var container = new RunningContainer(id, image, record);
        try
        {
            await WriteRuntimeConfigAsync(image, options);
            // The app's stdio goes to a file, never to a pipe of this process, so it outlives nothing and blocks nothing.
            var create = await ProcessRunner.RunAsync(
                "/bin/sh",
                ["-c", "exec runc create --bundle \"$1\" \"$2\" >\"$3\" 2>&1 </dev/null", "sh", image.Bundle, id, container.LogPath],
                timeout: TimeSpan.FromSeconds(60));
            if (create.ExitCode != 0)
            {
                throw new InvalidOperationException($"runc create failed ({create.ExitCode}):\n{container.Logs}");
            }

            container.Pid = await container.ReadPidAsync();
            (await ProcessRunner.RunAsync("nsenter", ["-t", container.Pid.ToString(CultureInfo.InvariantCulture), "-n", "ip", "link", "set", "lo", "up"], timeout: TimeSpan.FromSeconds(30))).EnsureSuccess();
            (await ProcessRunner.RunAsync("runc", ["start", id], timeout: TimeSpan.FromSeconds(30))).EnsureSuccess();
            container.StartedAt = DateTimeOffset.UtcNow;
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <c>docker exec</c>: runs <paramref name="argv"/> as the image's user with its env (PATH lookup inside the
    /// container); stdout and stderr in one text (as Docker's health log; runc relays them separately, so interleaving
    /// may differ). On timeout the process is killed and TimedOut is set.
    /// </summary>
    public async Task<ExecResult> ExecAsync(IReadOnlyList<string> argv, TimeSpan? timeout = null)
    {
        var pidFile = Path.Combine(image.Directory, "exec-" + Guid.NewGuid().ToString("N")[..8] + ".pid");
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "exec \"$@\" 2>&1", "sh", "runc", "exec", "--pid-file", pidFile, Id, .. argv])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            // runc writes the pid file once the process started; until then there is nothing to kill yet.
            while (!process.HasExited)
            {
                KillExecProcess(pidFile);
                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(20));
            }
        }
        finally
        {
            File.Delete(pidFile);
        }

        var text = await output;
        if (timedOut)
        {
            return new ExecResult(ExecResult.NotRunExitCode, text, Started: true, TimedOut: true);
        }

        if (process.ExitCode == 255 && RuncError().Match(text) is { Success: true } error)
        {
            var message = Regex.Unescape(error.Groups["message"].Value);
            return new ExecResult(ExecResult.NotRunExitCode, $"OCI runtime exec failed: {message}: unknown", Started: false);
        }

        return new ExecResult(process.ExitCode, text, Started: true);
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
                throw new InvalidOperationException($"container {Id} stopped before listening on {port}:\n{Logs}");
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

            await Task.Delay(20);
        }

        throw new TimeoutException($"container {Id} did not listen on {port} within {limit}:\n{Logs}");
    }

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

    /// <summary>runc's status: created, running, stopped (or "gone").</summary>
    public async Task<string> StatusAsync()
    {
        var state = await ProcessRunner.RunAsync("runc", ["state", Id], timeout: TimeSpan.FromSeconds(30));
        return state.ExitCode == 0 ? JsonDocument.Parse(state.StandardOutput).RootElement.GetProperty("status").GetString()! : "gone";
    }

    public async Task<bool> IsRunningAsync() => await StatusAsync() == "running";

    public async ValueTask DisposeAsync()
    {
        await LeftoverLedger.CleanUpAsync(record);
        image.Dispose();
    }

    private static async Task WriteRuntimeConfigAsync(UnpackedImage image, ContainerRunOptions options)
    {
        var path = Path.Combine(image.Bundle, "config.json");
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var process = spec["process"]!.AsObject();
        process["terminal"] = false;
        process["args"] = new JsonArray([.. Argv(image.Config, options).Select(a => JsonValue.Create(a))]);
        var env = process["env"]!.AsArray().Select(e => e!.GetValue<string>()).Where(e => !e.StartsWith("TERM=", StringComparison.Ordinal));
        process["env"] = new JsonArray([.. env.Concat(options.Environment).Select(e => JsonValue.Create(e))]);
        if (options.User is { } user)
        {
            var parts = user.Split(':');
            process["user"] = new JsonObject { ["uid"] = uint.Parse(parts[0], CultureInfo.InvariantCulture), ["gid"] = uint.Parse(parts.Length > 1 ? parts[1] : parts[0], CultureInfo.InvariantCulture) };
        }

        // runc here runs on a hybrid cgroup hierarchy where umoci's device rules fail; Docker's defaults are not needed.
        spec["linux"]!.AsObject().Remove("resources");
        spec["hostname"] = "container";
        spec["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = false };
        await File.WriteAllTextAsync(path, spec.ToJsonString());
    }

    private static IReadOnlyList<string> Argv(ImageConfig config, ContainerRunOptions options)
    {
        var entrypoint = options.Entrypoint ?? config.Entrypoint ?? [];
        var command = options.Command ?? (options.Entrypoint is null ? config.Cmd : null) ?? [];
        IReadOnlyList<string> argv = [.. entrypoint, .. command];
        return argv.Count > 0 ? argv : throw new InvalidOperationException("the image has no Entrypoint or Cmd and none was given");
    }

    private async Task<int> ReadPidAsync()
    {
        var state = await ProcessRunner.RunAsync("runc", ["state", Id], timeout: TimeSpan.FromSeconds(30));
        return JsonDocument.Parse(state.EnsureSuccess().StandardOutput).RootElement.GetProperty("pid").GetInt32();
    }

    private static void KillExecProcess(string pidFile)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Exited on its own meanwhile.
            }
        }
    }

    // runc logs through logrus: time="..." level=error msg="exec failed: ..."
    [GeneratedRegex("""level=error msg="(?<message>(?:[^"\\]|\\.)*)"(?:\s|$)""")]
    private static partial Regex RuncError();
}
