using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// build/bench/publish.sh: the same app published with and without ContainerHealth, alternating, after one warm-up each,
/// to each destination the SDK has — a registry, an archive, the local Docker engine — and the ratio of the medians
/// (target ≤ 1.10×). Prints the machine's load with the numbers: load stretches every run.
/// </summary>
public static class PublishBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        await DockerEngine.SharedAsync();
        using var without = await SampleProject.AcquireAsync();
        using var with = await PackagedSample.AcquireAsync();
        var archives = Directory.CreateTempSubdirectory("ch-bench-archives-").FullName;
        var loadBefore = LoadAverage();
        try
        {
            Console.WriteLine($"{"destination",-12} {"without",8} {"with",8} {"ratio",7}   (medians of {runs} warm runs)");
            foreach (var destination in new[] { "registry", "archive", "engine" })
            {
                var times = new Dictionary<string, List<double>> { ["without"] = [], ["with"] = [] };
                for (var run = -1; run < runs; run++)
                {
                    foreach (var (name, sample) in new[] { ("without", without), ("with", with) })
                    {
                        var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
                        {
                            BaseImage = baseImage.Reference,
                            Registry = destination == "registry" ? registry : null,
                            ArchiveDirectory = destination == "archive" ? archives : null,
                            Repository = "bench-" + name,
                        });
                        if (!published.Succeeded)
                        {
                            throw new DemoFailure($"publish to the {destination} ({name} the package) failed", published.Build.Output);
                        }

                        if (run >= 0)
                        {
                            times[name].Add(published.Duration.TotalSeconds);
                        }
                    }
                }

                var withoutMedian = Median(times["without"]);
                var withMedian = Median(times["with"]);
                Console.WriteLine($"{destination,-12} {withoutMedian,7:0.00}s {withMedian,7:0.00}s {withMedian / withoutMedian,6:0.00}x");
            }
        }
        finally
        {
            Directory.Delete(archives, recursive: true);
            await DockerEngine.StopSharedAsync();
        }

        Console.WriteLine($"load average: {loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores (target ratio <= 1.10x)");
        return 0;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
