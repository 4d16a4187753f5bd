using System.IO.Compression;
using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// The static probe binaries exactly as users get them: tools/probe/&lt;rid&gt;/healthprobe from the packed nupkg,
/// extracted once per test run.
/// </summary>
public static class ShippedProbe
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? directory;

    public static async Task<string> PathForAsync(string rid)
    {
        await Gate.WaitAsync();
        try
        {
            directory ??= await ExtractAsync();
        }
        finally
        {
            Gate.Release();
        }

        return System.IO.Path.Combine(directory, rid, "healthprobe");
    }

    private static async Task<string> ExtractAsync()
    {
        var package = await ContainerHealthPackage.GetAsync();
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ch-probe-" + Guid.NewGuid().ToString("N")[..12]);
        using var archive = ZipFile.OpenRead(package);
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("tools/probe/", StringComparison.Ordinal)))
        {
            var path = System.IO.Path.Combine(target, entry.FullName["tools/probe/".Length..]);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path);
            // A nupkg stores no file modes.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }

        return target;
    }
}
