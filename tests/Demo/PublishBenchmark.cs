using System.Diagnostics;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// build/bench/publish.sh: the same app published to the same warm registry with and without ContainerHealth, alternating,
/// after one warm-up each; prints the medians and their ratio (target ≤ 1.10×).
/// </summary>
public static class PublishBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        using var without = await SampleProject.AcquireAsync();
        using var with = await PackagedSample.AcquireAsync();

        var times = new Dictionary<string, List<double>> { ["without"] = [], ["with"] = [] };
        for (var run = -1; run < runs; run++)
        {
            foreach (var (name, sample) in new[] { ("without", without), ("with", with) })
            {
                var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
                {
                    BaseImage = baseImage.Reference,
                    Registry = registry,
                    Repository = "bench-" + name,
                });
                if (!published.Succeeded)
                {
                    Console.Error.WriteLine(published.Build.Output);
                    return 1;
                }

                if (run >= 0)
                {
                    times[name].Add(published.Duration.TotalSeconds);
                }

                Console.WriteLine($"{(run < 0 ? "warm-up" : $"run {run + 1}"),-8} {name,-8} {published.Duration.TotalSeconds,6:0.00} s");
            }
        }

        var withoutMedian = Median(times["without"]);
        var withMedian = Median(times["with"]);
        Console.WriteLine($"median without the package: {withoutMedian:0.00} s ({runs} runs)");
        Console.WriteLine($"median with the package:    {withMedian:0.00} s ({runs} runs)");
        Console.WriteLine($"ratio with/without: {withMedian / withoutMedian:0.00}x (target <= 1.10x)");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
