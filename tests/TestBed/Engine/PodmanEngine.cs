using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Engine;

/// <summary>
/// Podman with a private configuration and storage: default ulimits kept well under this sandbox's hard limits (Podman's own
/// defaults exceed them, and runc then refuses to start the container), the file events logger, no network. Without
/// systemd Podman runs no health-check timers: a check runs when asked, <c>podman healthcheck run NAME</c>.
/// </summary>
public sealed class PodmanEngine : IAsyncDisposable
{
    private readonly LeftoverRecord record;

    private PodmanEngine(string root, LeftoverRecord record)
    {
        Root = root;
        this.record = record;
    }

    public string Root { get; }

    public static async Task<PodmanEngine> CreateAsync()
    {
        await LeftoverLedger.EnsureSweptAsync();
        var id = "podman-" + Guid.NewGuid().ToString("N")[..8];
        var root = Path.Combine("/tmp", "ch-" + id);
        var record = new LeftoverRecord(id, ProcessIdentity.Current, Directories: [root]);
        LeftoverLedger.Write(record);
        Directory.CreateDirectory(root);
        var files = Math.Min(HardLimit("Max open files"), 10_000);
        var processes = Math.Min(HardLimit("Max processes"), 4_096);
        await File.WriteAllTextAsync(Path.Combine(root, "containers.conf"), $"""
            [containers]
            default_ulimits = ["nofile={files}:{files}", "nproc={processes}:{processes}"]
            netns = "none"
            [engine]
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            """);
        await File.WriteAllTextAsync(Path.Combine(root, "storage.conf"), $"""
            [storage]
            driver = "overlay"
            runroot = "{Path.Combine(root, "run")}"
            graphroot = "{Path.Combine(root, "storage")}"
            """);
        return new PodmanEngine(root, record);
    }

    public Task<ProcessResult> PodmanAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("podman", arguments, environment: new Dictionary<string, string?>
        {
            ["CONTAINERS_CONF"] = Path.Combine(Root, "containers.conf"),
            ["CONTAINERS_STORAGE_CONF"] = Path.Combine(Root, "storage.conf"),
        }, timeout: TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        await PodmanAsync("rm", "--all", "--force");
        await PodmanAsync("rmi", "--all", "--force");
        await LeftoverLedger.CleanUpAsync(record);
    }

    /// <summary>This process's hard limit from /proc/self/limits (columns: name, soft, hard, units).</summary>
    private static long HardLimit(string name)
    {
        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith(name, StringComparison.Ordinal));
        var hard = line[name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return hard == "unlimited" ? long.MaxValue : long.Parse(hard, System.Globalization.CultureInfo.InvariantCulture);
    }
}
