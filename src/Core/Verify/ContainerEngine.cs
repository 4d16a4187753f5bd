using System.ComponentModel;
using System.Diagnostics;

namespace ContainerHealth.Verify;

/// <summary>
/// The local container engine, driven through its own command line as the .NET SDK does: <c>docker</c> (which follows
/// <c>DOCKER_HOST</c> and its context) or <c>podman</c>. Chosen like the SDK's <c>LocalRegistry</c>: the one named, else
/// whichever answers first, Docker before Podman.
/// </summary>
public sealed class ContainerEngine
{
    public static readonly IReadOnlyList<string> Names = ["docker", "podman"];

    private ContainerEngine(string program) => Program = program;

    /// <summary><c>docker</c> or <c>podman</c>.</summary>
    public string Program { get; }

    public bool IsPodman => Program == "podman";

    /// <summary>
    /// The engine to use: <paramref name="preferred"/> (<c>Docker</c>, <c>Podman</c>, any case) when it answers, else the
    /// first of docker, podman that answers; null when none does (with what each said in <paramref name="tried"/>).
    /// </summary>
    public static async Task<ContainerEngine?> FindAsync(string? preferred, List<string> tried, CancellationToken cancellationToken)
    {
        var candidates = string.IsNullOrWhiteSpace(preferred) ? Names : [preferred.Trim().ToLowerInvariant()];
        foreach (var name in candidates)
        {
            if (!Names.Contains(name))
            {
                tried.Add($"'{preferred}' is not an engine ContainerHealth can drive (docker or podman)");
                continue;
            }

            var engine = new ContainerEngine(name);
            var version = await engine.RunAsync(["version", "--format", "{{.Server.Version}}"], cancellationToken, TimeSpan.FromSeconds(30));
            if (version.Succeeded)
            {
                return engine;
            }

            tried.Add($"{name}: {FirstLine(version.Message)}");
        }

        return null;
    }

    /// <summary>The platform the engine runs natively, e.g. linux/amd64.</summary>
    public async Task<string?> NativePlatformAsync(CancellationToken cancellationToken)
    {
        var format = IsPodman ? "{{.Server.OsArch}}" : "{{.Server.Os}}/{{.Server.Arch}}";
        var result = await RunAsync(["version", "--format", format], cancellationToken, TimeSpan.FromSeconds(30));
        return result.Succeeded && result.Output.Trim() is { Length: > 0 } platform && platform.Contains('/') ? platform : null;
    }

    /// <summary>
    /// Runs the engine's CLI. On cancellation or after <paramref name="limit"/> the command is killed; cancellation then
    /// throws, a reached limit returns exit code -1 with a message.
    /// </summary>
    public async Task<EngineCommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            return new EngineCommandResult(-1, "", $"{Program} could not be started: {e.Message}");
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit ?? TimeSpan.FromMinutes(10));
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Ended on its own meanwhile.
                }

                cancellationToken.ThrowIfCancellationRequested();
                return new EngineCommandResult(-1, "", $"`{Program} {arguments[0]}` did not finish within {(limit ?? TimeSpan.Zero).TotalSeconds:0} s");
            }

            return new EngineCommandResult(process.ExitCode, await output, await error);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
