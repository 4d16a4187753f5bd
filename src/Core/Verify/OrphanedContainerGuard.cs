using System.ComponentModel;
using System.Diagnostics;

namespace ContainerHealth.Verify;

/// <summary>
/// Removes the verify's container if this process dies before it could (an MSBuild node killed, the CLI sent SIGKILL):
/// a detached shell (<c>setsid</c>, so a kill of our process tree does not reach it) reads its standard input, a pipe only
/// this process writes to. Disposing writes "done" and the shell ends; if this process dies first, the kernel closes the
/// pipe, the read ends without it, and the shell runs <c>rm --force</c>.
/// </summary>
internal sealed class OrphanedContainerGuard : IDisposable
{
    private const string Script = "read -r verdict; [ \"$verdict\" = done ] || exec \"$1\" rm --force \"$2\" >/dev/null 2>&1";

    private static readonly string[] SetsidLocations = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly Process? watcher;

    private OrphanedContainerGuard(Process? watcher) => this.watcher = watcher;

    public static OrphanedContainerGuard Start(ContainerEngine engine, string container)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return new OrphanedContainerGuard(null);
        }

        var setsid = SetsidLocations.FirstOrDefault(File.Exists);
        var start = new ProcessStartInfo(setsid ?? "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (IEnumerable<string>)(setsid is null ? [] : ["-f", "/bin/sh"]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "-c", Script, "sh", engine.Program, container })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new OrphanedContainerGuard(Process.Start(start));
        }
        catch (Win32Exception)
        {
            // Without a guard the container is still removed on every path this process lives through.
            return new OrphanedContainerGuard(null);
        }
    }

    public void Dispose()
    {
        if (watcher is null)
        {
            return;
        }

        try
        {
            watcher.StandardInput.WriteLine("done");
        }
        catch (IOException)
        {
            // The shell is gone already; there is nobody to tell.
        }

        watcher.Dispose();
    }
}
