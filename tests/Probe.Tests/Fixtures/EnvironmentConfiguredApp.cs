using System.Diagnostics;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>The test assembly's own <c>kestrel</c> mode (see Program) started with a given environment.</summary>
public sealed class EnvironmentConfiguredApp : IDisposable
{
    private readonly Process process;

    private EnvironmentConfiguredApp(Process process, IReadOnlyList<Uri> urls)
    {
        this.process = process;
        Urls = urls;
    }

    /// <summary>What Kestrel reported it bound to.</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <param name="launcher">A command that runs the app in another context, e.g. nsenter into a container's network.</param>
    public static async Task<EnvironmentConfiguredApp> StartAsync(IDictionary<string, string> environment, IReadOnlyList<string>? launcher = null)
    {
        string[] command = [.. launcher ?? [], "dotnet", typeof(Program).Assembly.Location, "kestrel"];
        var startInfo = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command[1..])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in ProbeRun.PortVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    var urls = line["listening ".Length..].Split(' ').Select(u => new Uri(u.Replace("://+", "://localhost").Replace("://*", "://localhost"))).ToArray();
                    return new EnvironmentConfiguredApp(process, urls);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the Kestrel app did not start: " + await stderr);
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
