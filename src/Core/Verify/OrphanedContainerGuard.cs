using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ContainerHealth.Verify;

/// <summary>
/// Removes the verify's container if this process dies before it could (an MSBuild node killed, the CLI sent SIGKILL):
/// a detached shell (<c>setsid</c>, so a kill of our process tree does not reach it) waits while this process lives and
/// the verify is not done, then runs <c>rm --force</c>. Disposing marks the verify done, and the shell ends within a second.
/// </summary>
internal sealed class OrphanedContainerGuard : IDisposable
{
    private const string Script = "while kill -0 \"$1\" 2>/dev/null && [ ! -e \"$2\" ]; do sleep 1; done; rm -f \"$2\"; exec \"$3\" rm --force \"$4\" >/dev/null 2>&1";

    private static readonly string[] SetsidLocations = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly string? doneFile;

    private OrphanedContainerGuard(string? doneFile) => this.doneFile = doneFile;

    public static OrphanedContainerGuard Start(ContainerEngine engine, string container)
    {
        var setsid = SetsidLocations.FirstOrDefault(File.Exists);
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return new OrphanedContainerGuard(null);
        }

        var doneFile = Path.Combine(Path.GetTempPath(), container + ".done");
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

        foreach (var argument in new[] { "-c", Script, "sh", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), doneFile, engine.Program, container })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            process?.StandardInput.Close();
            return new OrphanedContainerGuard(doneFile);
        }
        catch (Win32Exception)
        {
            // Without a guard the container is still removed on every path this process lives through; and no shell
            // would delete a done file.
            return new OrphanedContainerGuard(null);
        }
    }

    public void Dispose()
    {
        if (doneFile is not null)
        {
            File.WriteAllText(doneFile, "");
        }
    }
}
