using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// build/bench/publish.sh: the same app published with and without ContainerHealth, alternating, after one warm-up each,
/// to each destination the SDK has — a registry, an archive, the local Docker engine — and the ratio of the medians
/// (target ≤ 1.05×). Prints the machine's load with the numbers: load stretches every run.
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

            Console.WriteLine($"methods of ContainerHealth's tasks JIT-compiled in a warm publish: {await CountJitCompiledTaskMethodsAsync(with, registry, baseImage.Reference)} (target 0: the package ships them compiled ahead of time)");
        }
        finally
        {
            Directory.Delete(archives, recursive: true);
            await DockerEngine.StopSharedAsync();
        }

        Console.WriteLine($"load average: {loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores (target ratio <= 1.05x)");
        return 0;
    }

    /// <summary>
    /// A count, not a time: the runtime's own list of the methods it JIT-compiled during one publish (DOTNET_JitStdOutFile),
    /// so a ReadyToRun image the runtime rejects shows up whatever the machine's load.
    /// </summary>
    private static async Task<int> CountJitCompiledTaskMethodsAsync(SampleProject sample, TestRegistry registry, string baseImage)
    {
        var listing = Path.Combine(Path.GetTempPath(), $"ch-bench-jit-{Guid.NewGuid():N}.txt");
        try
        {
            var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
            {
                BaseImage = baseImage,
                Registry = registry,
                Repository = "bench-jit",
                Environment = new Dictionary<string, string?> { ["DOTNET_JitStdOutFile"] = listing, ["DOTNET_JitDisasmSummary"] = "1" },
            });
            if (!published.Succeeded)
            {
                throw new DemoFailure("the publish that counts JIT-compiled methods failed", published.Build.Output);
            }

            return File.ReadLines(listing).Count(line => line.Contains("JIT compiled ContainerHealth.", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(listing);
        }
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
