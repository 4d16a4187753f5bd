using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// The README's main command: the sample published with ContainerHealth onto a chiseled-like base, then run twice under
/// a real Docker engine — with the image's own HEALTHCHECK, and with the usual ECS/compose curl check — and what
/// <c>docker ps</c> and <c>docker inspect</c> say about each.
/// </summary>
public static class DemoRun
{
    private const string SeedCheck = "curl -f http://localhost:8080/ || exit 1";

    // Docker 20.10 ignores StartInterval, so the first check would wait a whole 30 s interval: check every second instead.
    private static readonly TimeSpan DemoInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync()
    {
        var total = Stopwatch.StartNew();
        Step("starting a test registry and building the chiseled-like base image (glibc + .NET, no shell, no curl)");
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);

        Step($"dotnet publish -t:PublishContainer samples/HealthySample with ContainerHealth, onto {baseImage.Reference}");
        using var sample = await PackagedSample.AcquireAsync();
        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            Registry = registry,
            Repository = "healthy-sample",
        });
        if (!published.Succeeded)
        {
            throw new DemoFailure("dotnet publish -t:PublishContainer failed", published.Build.Output);
        }

        foreach (var line in published.Build.StandardOutput.Split('\n').Where(l => l.Contains("ContainerHealth:") || l.Contains("Pushed image")))
        {
            Console.WriteLine("    " + line.Trim());
        }

        try
        {
            var engine = await DockerEngine.SharedAsync();
            Step($"started a private Docker engine ({(await engine.DockerAsync("version", "--format", "dockerd {{.Server.Version}}")).StandardOutput.Trim()}, DOCKER_HOST={engine.Host})");
            var image = published.ImageReference!;
            Command($"docker pull {image}");
            await ContainerRunner.PullAsync(registry, image);
            Command($"docker run -d --network none --name with-probe --health-interval 1s {image}");
            await using var withProbe = await ContainerRunner.RunImageAsync(image, new ContainerRunOptions
            {
                Name = "with-probe",
                HealthCheck = new HealthcheckConfig([], Interval: DemoInterval),
            });
            // The usual check comes with no start period (ECS's default); 1ms because 0 would keep the image's 30 s.
            Command($"docker run -d --network none --name with-curl-check --health-cmd '{SeedCheck}' --health-interval 1s --health-retries 3 --health-start-period 1ms {image}");
            await using var withCurl = await ContainerRunner.RunImageAsync(image, new ContainerRunOptions
            {
                Name = "with-curl-check",
                HealthCheck = new HealthcheckConfig(["CMD-SHELL", SeedCheck], Interval: DemoInterval, StartPeriod: TimeSpan.FromMilliseconds(1), Retries: 3),
            });

            var probeReport = withProbe.WaitForHealthAsync(TimeSpan.FromSeconds(60));
            var curlReport = withCurl.WaitForHealthAsync(TimeSpan.FromSeconds(60));
            var own = await probeReport;
            var seed = await curlReport;

            Command("docker ps");
            Console.WriteLine(Indent((await engine.DockerAsync("ps", "--format", "table {{.Names}}\t{{.Status}}\t{{.Image}}")).StandardOutput));
            foreach (var (name, report) in new[] { ("with-probe", own), ("with-curl-check", seed) })
            {
                Command($"docker inspect --format '{{{{json .State.Health}}}}' {name}   # last log entry");
                Console.WriteLine($"    {name}: {report.Status.ToString().ToLowerInvariant()}, exit {report.LastProbe?.ExitCode}: {report.LastProbe?.Output.Trim()}");
            }

            var ecs = Directory.GetFiles(Path.Combine(sample.Directory, "obj"), "ecs-healthcheck.json", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).First();
            Console.WriteLine();
            Console.WriteLine($"ECS ignores image health checks; paste this into the container definition ({Path.GetFileName(ecs)}):");
            Console.WriteLine(await File.ReadAllTextAsync(ecs));

            if (own.Status != HealthStatus.Healthy || seed.Status != HealthStatus.Unhealthy)
            {
                throw new DemoFailure($"expected with-probe healthy and with-curl-check unhealthy, got {own.Status} and {seed.Status}", $"{own}\n{seed}");
            }
        }
        finally
        {
            await DockerEngine.StopSharedAsync();
            Step("stopped the private Docker engine");
        }

        Console.WriteLine($"demo finished in {total.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static void Step(string text) => Console.WriteLine($"==> {text}");

    private static void Command(string text) => Console.WriteLine($"$ {text}");

    private static string Indent(string text) => string.Join('\n', text.TrimEnd().Split('\n').Select(l => "    " + l));
}
