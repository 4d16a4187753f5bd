using System.Text.Json;
using System.Text.Json.Nodes;
using ContainerHealth.TestBed.Images;

namespace ContainerHealth.Cli.Tests;

/// <summary><c>inspect</c> shows the variables Kestrel takes the app's addresses from, in the order Kestrel prefers them, and no others.</summary>
[Trait("Tier", "Engine")]
public sealed class InspectPortEnvironmentTests
{
    [Fact]
    public async Task Port_environment_lists_what_Kestrel_reads_winner_first_and_not_PORT()
    {
        using var directory = new TemporaryDirectory();
        var layout = new OciLayoutWriter(directory.Path);
        var layer = layout.WriteLayer([new LayerEntry.TextFile("etc/hostname", "app\n")]);
        var config = new JsonObject
        {
            ["Env"] = new JsonArray(
                "PATH=/usr/bin:/bin",
                "PORT=3000",
                "ASPNETCORE_HTTPS_PORTS=8443",
                "DOTNET_HTTP_PORTS=5000",
                "ASPNETCORE_HTTP_PORTS=8080",
                "ASPNETCORE_URLS=http://+:9000",
                "HTTP_PORTS=7000",
                "DOTNET_RUNNING_IN_CONTAINER=true"),
        };
        layout.Tag(layout.WriteImage(ImagePlatform.Amd64, config, [layer]), "ports");
        layout.Complete();

        var run = await CliRun.RunAsync(["inspect", $"{directory.Path}:ports", "--json"]);

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(
            ["ASPNETCORE_URLS=http://+:9000", "HTTP_PORTS=7000", "DOTNET_HTTP_PORTS=5000", "ASPNETCORE_HTTP_PORTS=8080", "ASPNETCORE_HTTPS_PORTS=8443"],
            json.RootElement.GetProperty("portEnvironment").EnumerateArray().Select(e => e.GetString()!));
    }
}
