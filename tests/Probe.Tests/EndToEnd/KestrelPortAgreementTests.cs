using System.Net;
using System.Net.Sockets;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>
/// A real ASP.NET Core app and the probe get the same environment; the probe must find the port Kestrel chose, also
/// when two settings disagree (the port that loses is left unbound, so following the wrong setting fails).
/// </summary>
[Trait("Tier", "Engine")]
public sealed class KestrelPortAgreementTests
{
    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{loser}", "ASPNETCORE_URLS", "http://127.0.0.1:{winner}")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{loser}", "URLS", "http://127.0.0.1:{winner}")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{loser}", "DOTNET_URLS", "http://127.0.0.1:{winner}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{loser}", "HTTP_PORTS", "{winner}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{loser}", "DOTNET_HTTP_PORTS", "{winner}")]
    public async Task Probe_follows_the_setting_that_kestrel_follows(string loserVariable, string loserValue, string winnerVariable, string winnerValue)
    {
        var winner = FreePort();
        var loser = FreePort();
        while (loser == winner)
        {
            loser = FreePort();
        }
        var environment = new Dictionary<string, string>
        {
            [loserVariable] = loserValue.Replace("{loser}", loser.ToString()),
            [winnerVariable] = winnerValue.Replace("{winner}", winner.ToString()),
        };

        using var app = await EnvironmentConfiguredApp.StartAsync(environment);
        Assert.All(app.Urls, url => Assert.Equal(winner, url.Port));

        var run = await ProbeRun.RunAsync("linux-x64", [], environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://localhost:{winner}/healthz", run.Line);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
