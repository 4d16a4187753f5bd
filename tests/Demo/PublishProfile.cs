using System.Text.RegularExpressions;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Demo;

/// <summary>
/// build/bench/publish-profile.sh: where a warm publish with ContainerHealth spends its time, per destination. MSBuild's
/// own performance summary (a file logger) of the last of RUNS warm publishes: ContainerHealth's targets and tasks, their
/// share of the publish, and the slowest targets beside them. Shares, not absolute times, compare across loaded runs;
/// the methods the JIT compiled in each of our tasks (<see cref="StartupHook"/>) compare across runs at any load.
/// </summary>
public static partial class PublishProfile
{
    public static async Task<int> RunAsync(int runs)
    {
        var ourTasks = OurTaskNames();
        await using var registry = await TestRegistry.StartAsync();
        var baseImage = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
        await DockerEngine.SharedAsync();
        using var sample = await PackagedSample.AcquireAsync();
        var work = Directory.CreateTempSubdirectory("ch-bench-profile-").FullName;
        try
        {
            foreach (var destination in new[] { "registry", "archive", "engine" })
            {
                var summary = Path.Combine(work, destination + ".log");
                ContainerPublishResult? published = null;
                var jit = Path.Combine(work, destination + "-jit");
                for (var run = 0; run <= runs; run++)
                {
                    Directory.CreateDirectory(jit);
                    Array.ForEach(Directory.GetFiles(jit), File.Delete);
                    published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
                    {
                        BaseImage = baseImage.Reference,
                        Registry = destination == "registry" ? registry : null,
                        ArchiveDirectory = destination == "archive" ? work : null,
                        Repository = "bench-profile",
                        Switches = [$"-flp:PerformanceSummary;Verbosity=quiet;LogFile={summary}"],
                        Environment = new Dictionary<string, string?>
                        {
                            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
                            [StartupHook.DirectoryVariable] = jit,
                        },
                    });
                    if (!published.Succeeded)
                    {
                        throw new DemoFailure($"publish to the {destination} failed", published.Build.Output);
                    }
                }

                Print(destination, published!.Duration, PerformanceSummary.Read(summary), TaskJit.Read(jit), ourTasks);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            await DockerEngine.StopSharedAsync();
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
        return 0;
    }

    private static void Print(string destination, TimeSpan duration, PerformanceSummary summary, TaskJit jit, HashSet<string> ourTasks)
    {
        var ours = summary.Tasks.Where(t => ourTasks.Contains(t.Name)).ToList();
        var oursTotal = ours.Sum(t => t.Milliseconds);
        var oursJit = jit.Of(ours.Select(t => t.Name));
        Console.WriteLine($"== {destination}: publish {duration.TotalMilliseconds:0} ms, ContainerHealth's tasks {oursTotal} ms ({100.0 * oursTotal / duration.TotalMilliseconds:0.0}%), JIT-compiled in them {oursJit.Methods} methods in {oursJit.Milliseconds:0} ms");
        foreach (var task in ours.OrderByDescending(t => t.Milliseconds))
        {
            var compiled = jit.Of([task.Name]);
            Console.WriteLine($"   task   {task.Milliseconds,6} ms  {task.Name} ({task.Calls}x)  JIT {compiled.Methods} methods, {compiled.Milliseconds:0.0} ms");
        }

        foreach (var target in summary.Targets.Where(t => t.Name.Contains("ContainerHealth", StringComparison.Ordinal)).OrderByDescending(t => t.Milliseconds))
        {
            Console.WriteLine($"   target {target.Milliseconds,6} ms  {target.Name}");
        }

        foreach (var target in summary.Targets.Where(t => !t.Name.Contains("ContainerHealth", StringComparison.Ordinal)).OrderByDescending(t => t.Milliseconds).Take(5))
        {
            Console.WriteLine($"   (sdk)  {target.Milliseconds,6} ms  {target.Name}");
        }
    }

    /// <summary>The tasks the package declares, from its targets file (the summary names tasks without their namespace).</summary>
    private static HashSet<string> OurTaskNames() =>
        UsingTask().Matches(File.ReadAllText(RepositoryLayout.Path("build", "ContainerHealth.targets")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""TaskName="ContainerHealth\.Build\.[\w.]*\.(\w+)" """)]
    private static partial Regex UsingTask();
}
