using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests.Verify;

/// <summary>
/// A publish whose verify never gets a verdict (the app never listens; the image's start period is longer than the run)
/// is stopped: by Ctrl+C (MSBuild cancels the task), by SIGKILL of the whole build, or by its own timeout. No container
/// is left, and the timeout is kept.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyCleanupPublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>, IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private string original = "";

    private string ProgramFile => Path.Combine(sample.App.Directory, "Program.cs");

    public async Task InitializeAsync()
    {
        original = await File.ReadAllTextAsync(ProgramFile);
        await File.WriteAllTextAsync(ProgramFile, original.Replace("app.Run();", "Thread.Sleep(Timeout.Infinite);\napp.Run();", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_during_verify_removes_the_container()
    {
        using var publish = await StartAsync("120s");
        Assert.True(await VerifyContainers.WaitUntilRunningAsync(TimeSpan.FromMinutes(5)), "the verify never started its container");

        Process.Start("kill", ["-INT", publish.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var result = await publish.WaitAsync();

        output.WriteLine(result.StandardOutput);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("was cancelled; its container was removed", result.StandardOutput);
        Assert.Empty(await VerifyContainers.WaitUntilGoneAsync(Generous));
    }

    [Fact]
    public async Task Killed_build_leaves_no_container()
    {
        using var publish = await StartAsync("120s");
        Assert.True(await VerifyContainers.WaitUntilRunningAsync(TimeSpan.FromMinutes(5)), "the verify never started its container");

        publish.Kill();
        await publish.WaitAsync();

        Assert.Empty(await VerifyContainers.WaitUntilGoneAsync(Generous));
    }

    [Fact]
    public async Task Verify_stops_at_its_timeout()
    {
        var engine = await DockerEngine.SharedAsync();
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var published = await sample.PublishAsync(Options(baseImage.Reference, engine, "5s"));

        output.WriteLine(published.Build.Output);
        var error = Assert.Single(published.Errors, e => e.Code == "CH1014");
        var waited = System.Text.RegularExpressions.Regex.Match(error.Message, @"was not healthy within (?<seconds>\d+\.\d) s");
        Assert.True(waited.Success, error.Message);
        Assert.InRange(double.Parse(waited.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture), 5, 5 + Generous.TotalSeconds);
        Assert.Empty(await VerifyContainers.ListAsync());
    }

    public async Task DisposeAsync() => await File.WriteAllTextAsync(ProgramFile, original);

    private async Task<TestBed.StartedProcess> StartAsync(string timeout)
    {
        var engine = await DockerEngine.SharedAsync();
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        return await ContainerPublisher.StartAsync(sample.App.ProjectFile, Options(baseImage.Reference, engine, timeout));
    }

    private ContainerPublishOptions Options(string baseImage, DockerEngine engine, string timeout) => new()
    {
        BaseImage = baseImage,
        Registry = sample.Registry,
        Properties = new Dictionary<string, string>
        {
            ["ContainerHealthVerify"] = "true",
            ["ContainerHealthVerifyTimeout"] = timeout,
            ["ContainerHealthCheckStartPeriod"] = "5m",
        },
        Environment = engine.ClientEnvironment,
    };
}
