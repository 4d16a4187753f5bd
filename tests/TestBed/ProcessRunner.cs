using System.Diagnostics;

namespace ContainerHealth.TestBed;

/// <summary>Runs a program to completion with a deadline, capturing its output.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        using var started = Start(fileName, arguments, workingDirectory, environment);
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            return await started.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            started.Kill();
            throw new TimeoutException($"`{started.Command}` did not finish within {timeout ?? TimeSpan.FromMinutes(5)}");
        }
    }

    /// <summary>Starts a program and returns at once, for a test that kills it part way.</summary>
    public static StartedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var command = fileName + " " + string.Join(' ', startInfo.ArgumentList);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {command}");
        return new StartedProcess(command, process);
    }
}

/// <summary>A running program whose output is being captured.</summary>
public sealed class StartedProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    internal StartedProcess(string command, Process process)
    {
        Command = command;
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public string Command { get; }

    public int Id => process.Id;

    public async Task<ProcessResult> WaitAsync(CancellationToken cancellationToken = default)
    {
        await process.WaitForExitAsync(cancellationToken);
        return new ProcessResult(Command, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL to the program and everything it started: no cleanup runs, as when a CI job is cancelled hard.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public void Dispose() => process.Dispose();
}
