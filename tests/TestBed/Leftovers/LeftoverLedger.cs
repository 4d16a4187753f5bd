using System.Diagnostics;
using System.Text.Json;

namespace ContainerHealth.TestBed.Leftovers;

/// <summary>
/// One JSON file per live fixture (registry process, Docker engine, container, temp dirs) in a machine-wide folder. At the first
/// use in each test process, records whose owning test process is gone are cleaned up by exactly the PIDs, container IDs
/// and directories they name — never by name patterns, so parallel runs never touch each other's fixtures.
/// </summary>
public static class LeftoverLedger
{
    private static readonly Lazy<Task> Swept = new(CleanUpCrashedRunsAsync);

    public static string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "containerhealth-testbed", "ledger");

    /// <summary>Cleans up after crashed runs once per process; every fixture awaits this before it starts.</summary>
    public static Task EnsureSweptAsync() => Swept.Value;

    public static void Write(LeftoverRecord record)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(record.Id);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(record));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static void Remove(string id) => File.Delete(PathOf(id));

    /// <summary>Stops what a record names. Used for crashed runs and by the fixtures' own Dispose.</summary>
    public static async Task CleanUpAsync(LeftoverRecord record)
    {
        if (record is { ContainerId: { } containerId, DockerHost: { } host })
        {
            await ProcessRunner.RunAsync("docker", ["-H", host, "rm", "--force", "--volumes", containerId], timeout: TimeSpan.FromSeconds(60));
        }
        else if (record is { DockerHost: { } engineHost, Process: { IsAlive: true } engine })
        {
            await EngineShutdown.StopAsync(engineHost, engine.Pid);
        }

        if (record.Process is { IsAlive: true } process)
        {
            try
            {
                using var running = System.Diagnostics.Process.GetProcessById(process.Pid);
                running.Kill(entireProcessTree: true);
                await running.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone (perhaps another test process swept the same record).
            }
        }

        foreach (var directory in record.Directories ?? [])
        {
            DeleteDirectory(directory);
        }

        Remove(record.Id);
    }

    public static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A busy temp dir is harmless and the record is kept out of the way; the OS cleans /tmp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string PathOf(string id) => System.IO.Path.Combine(Directory, id + ".json");

    /// <summary>Cleans up every record whose owning test process is gone.</summary>
    public static async Task CleanUpCrashedRunsAsync()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json"))
        {
            LeftoverRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<LeftoverRecord>(File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                continue;
            }

            if (record is not null && !record.Owner.IsAlive)
            {
                Trace.WriteLine($"cleaning leftovers of a crashed run: {file}");
                await CleanUpAsync(record);
            }
        }
    }
}
