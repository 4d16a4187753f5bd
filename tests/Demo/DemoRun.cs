using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// The README's main command: the sample published with ContainerHealth onto a chiseled-like base, run with runc, and
/// two health checks side by side — the usual curl check (which can never pass there) and the image's own HEALTHCHECK.
/// </summary>
public static class DemoRun
{
    private static readonly string[] SeedCheck = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"];

    public static async Task<int> RunAsync()
    {
        var total = Stopwatch.StartNew();
        Step("starting the test-bed registry");
        await using var registry = await TestRegistry.StartAsync();
        Step($"registry on {registry.Address}; building the chiseled-like base image (glibc + .NET, no shell, no curl)");
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);

        Step($"dotnet publish -t:PublishContainer samples/HealthySample with ContainerHealth, on {baseImage.Reference}");
        using var sample = await PackagedSample.AcquireAsync();
        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = registry,
            Repository = "healthy-sample",
        });
        if (!published.Succeeded)
        {
            Console.Error.WriteLine(published.Build.Output);
            return 1;
        }

        foreach (var line in published.Build.StandardOutput.Split('\n').Where(l => l.Contains("ContainerHealth:") || l.Contains("Pushed image")))
        {
            Console.WriteLine("    " + line.Trim());
        }

        Step($"running {published.ImageReference} with runc");
        await using var container = await ContainerRunner.RunAsync(registry, published.ImageReference!);
        await container.WaitForListeningAsync(8080);
        var image = container.Config.Healthcheck ?? throw new InvalidOperationException("the image has no HEALTHCHECK");

        // Like `docker run --health-interval=1s`: the checks as written, probed every second instead of every 30.
        var fast = TimeSpan.FromSeconds(1);
        var seedTask = HealthCheckRunner.RunAsync(container, new HealthcheckConfig(SeedCheck, Interval: fast, Timeout: TimeSpan.FromSeconds(5), Retries: 3));
        var imageTask = HealthCheckRunner.RunAsync(container, image with { Interval = fast });
        var seed = await seedTask;
        var own = await imageTask;

        Console.WriteLine();
        Column("the usual ECS/compose check", "the image's own HEALTHCHECK (ContainerHealth)");
        Column(new string('-', 60), new string('-', 60));
        Column(Json(SeedCheck), Json(image.Test));
        Column(seed.Status.ToString().ToLowerInvariant() + $" after {seed.Probes.Count} probe(s)", own.Status.ToString().ToLowerInvariant() + $" after {own.Probes.Count} probe(s)");
        Column($"exit {seed.LastProbe?.ExitCode}", $"exit {own.LastProbe?.ExitCode}");
        Console.WriteLine();
        Console.WriteLine("  usual check says:  " + seed.LastProbe?.Output.Trim());
        Console.WriteLine("  image check says:  " + own.LastProbe?.Output.Trim());

        var ecs = Directory.GetFiles(Path.Combine(sample.Directory, "obj"), "ecs-healthcheck.json", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        Console.WriteLine();
        Console.WriteLine($"ECS ignores image health checks; paste this into the container definition ({Path.GetFileName(ecs)}):");
        Console.WriteLine(await File.ReadAllTextAsync(ecs));
        Console.WriteLine($"demo finished in {total.Elapsed.TotalSeconds:0} s");
        return seed.Status == HealthStatus.Unhealthy && own.Status == HealthStatus.Healthy ? 0 : 1;
    }

    private static void Step(string text) => Console.WriteLine($"==> {text}");

    private static void Column(string left, string right) => Console.WriteLine($"  {left,-60}  {right}");

    private static string Json(IEnumerable<string> test) => System.Text.Json.JsonSerializer.Serialize(test);
}
