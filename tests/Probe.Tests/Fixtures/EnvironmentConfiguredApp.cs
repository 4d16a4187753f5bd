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

    public static async Task<EnvironmentConfiguredApp> StartAsync(IDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "kestrel" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
