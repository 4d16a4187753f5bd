using System.Globalization;
using System.Text.RegularExpressions;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// build/bench/verify.sh: the packaged sample published to a registry with and without ContainerHealthVerify=true,
/// alternating, after one warm-up each; prints the medians, the difference, and the median time verify itself reported
/// ("healthy in X s": the container's start to the engine's healthy). Target: the difference is at most the app's
/// start-up + 1.5 s (quiet machine; the load is printed with the numbers).
/// </summary>
public static partial class VerifyBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        var engine = await DockerEngine.SharedAsync();
        using var sample = await PackagedSample.AcquireAsync();
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var healthyIn = new List<double>();
        try
        {
            for (var run = -1; run < runs; run++)
            {
                foreach (var verify in new[] { false, true })
                {
                    var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
                    {
                        BaseImage = baseImage.Reference,
                        Registry = registry,
                        Repository = "bench-verify",
                        Properties = new Dictionary<string, string> { ["ContainerHealthVerify"] = verify ? "true" : "false" },
                        Environment = engine.ClientEnvironment,
                    });
                    if (!published.Succeeded)
                    {
                        throw new DemoFailure($"publish ({(verify ? "with" : "without")} verify) failed", published.Build.Output);
                    }

                    if (run < 0)
                    {
                        continue;
                    }

                    times[verify].Add(published.Duration.TotalSeconds);
                    if (verify && HealthyIn().Match(published.Build.Output) is { Success: true } line)
                    {
                        healthyIn.Add(double.Parse(line.Groups["seconds"].Value, CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        finally
        {
            await DockerEngine.StopSharedAsync();
        }

        var without = Median(times[false]);
        var with = Median(times[true]);
        Console.WriteLine($"publish without verify {without:0.00}s, with verify {with:0.00}s: {with - without:+0.00;-0.00}s (medians of {runs} warm runs)");
        Console.WriteLine($"verify's own 'healthy in': {Median(healthyIn):0.00}s (container start to healthy, the app's start-up included)");
        Console.WriteLine($"load average: {loadBefore} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after, on {Environment.ProcessorCount} cores (target: +difference <= app start-up + 1.5 s)");
        return 0;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"ContainerHealth: verified \S+ healthy in (?<seconds>\d+\.\d) s")]
    private static partial Regex HealthyIn();
}
