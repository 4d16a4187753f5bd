using System.Diagnostics;
using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

[Trait("Tier", "Unit")]
public sealed class LeftoverLedgerTests
{
    [Fact]
    public async Task Sweep_stops_the_recorded_process_and_deletes_the_directories_of_a_dead_owner_only()
    {
        using var orphan = Process.Start(new ProcessStartInfo("tail", ["-f", "/dev/null"]) { UseShellExecute = false })!;
        using var kept = Process.Start(new ProcessStartInfo("tail", ["-f", "/dev/null"]) { UseShellExecute = false })!;
        var orphanDirectory = Directory.CreateTempSubdirectory("ch-ledger-test-").FullName;
        var keptDirectory = Directory.CreateTempSubdirectory("ch-ledger-test-").FullName;
        // Same PID as this process but another start time: the recorded owner is gone (as after a crash and PID reuse).
        var deadOwner = ProcessIdentity.Current with { StartTime = ProcessIdentity.Current.StartTime - 1 };
        var crashed = new LeftoverRecord("test-" + Guid.NewGuid().ToString("N"), deadOwner, ProcessIdentity.Of(orphan.Id), Directories: [orphanDirectory]);
        var live = new LeftoverRecord("test-" + Guid.NewGuid().ToString("N"), ProcessIdentity.Current, ProcessIdentity.Of(kept.Id), Directories: [keptDirectory]);
        LeftoverLedger.Write(crashed);
        LeftoverLedger.Write(live);
        try
        {
            await LeftoverLedger.CleanUpCrashedRunsAsync();

            Assert.True(orphan.HasExited);
            Assert.False(Directory.Exists(orphanDirectory));
            Assert.False(File.Exists(Path.Combine(LeftoverLedger.Directory, crashed.Id + ".json")));
            Assert.False(kept.HasExited);
            Assert.True(Directory.Exists(keptDirectory));
            Assert.True(File.Exists(Path.Combine(LeftoverLedger.Directory, live.Id + ".json")));
        }
        finally
        {
            await LeftoverLedger.CleanUpAsync(live);
            await LeftoverLedger.CleanUpAsync(crashed);
        }

        Assert.True(kept.HasExited);
    }

    [Fact]
    public void A_recycled_pid_is_not_the_recorded_process()
    {
        var current = ProcessIdentity.Current;

        Assert.True(current.IsAlive);
        Assert.False((current with { StartTime = current.StartTime + 1 }).IsAlive);
    }
}
