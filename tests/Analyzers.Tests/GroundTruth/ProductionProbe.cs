using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// Starts a built app as its container does (ASPNETCORE_ENVIRONMENT=Production, ASPNETCORE_HTTP_PORTS) and requests
/// the probed path as the probe does: no credentials, no cookies, redirects not followed, and the Host header the probe
/// sends in the container (localhost:CONTAINERPORT). The app listens on a free port instead of the container port so
/// apps run side by side; only Connection.LocalPort tells the difference (UseHealthChecks(path, port) cases use ports
/// that neither has).
/// </summary>
public static class ProductionProbe
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<ProbeOutcome> RunAsync(string appDll, string path, int containerPort)
    {
        var port = FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll },
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = null,
                ["ASPNETCORE_URLS"] = null,
                ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!await WaitUntilListeningAsync(process, port))
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync();
                    return ProbeOutcome.Exited(process.ExitCode, Snapshot(output));
                }

                return ProbeOutcome.NoAnswer($"not listening on port {port} after {StartDeadline.TotalSeconds:0} s", Snapshot(output));
            }

            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Credentials = null, UseProxy = false };
            using var client = new HttpClient(handler) { Timeout = RequestTimeout };
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://localhost:{port}{path}");
                request.Headers.Host = $"localhost:{containerPort}";
                using var response = await client.SendAsync(request);
                return ProbeOutcome.Answered((int)response.StatusCode, response.Headers.Location?.ToString());
            }
            catch (HttpRequestException exception)
            {
                return ProbeOutcome.NoAnswer(exception.Message, Snapshot(output));
            }
            catch (TaskCanceledException)
            {
                return ProbeOutcome.NoAnswer($"no answer within {RequestTimeout.TotalSeconds:0} s", Snapshot(output));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Polls until the app itself listens on the port (its readiness), stopping as soon as it exits. A connect to the port
    /// would not do: an app that pins another port in code never takes the free port it was given, and during the wait
    /// another app started side by side may be handed that same port and answer for it.
    /// </summary>
    private static async Task<bool> WaitUntilListeningAsync(Process process, int port)
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (ListeningPorts.Of(process.Id).Contains(port))
            {
                return true;
            }

            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(50));
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
