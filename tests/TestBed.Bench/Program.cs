using System.Diagnostics;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

// Warm round trip of the test bed (publish → docker pull → run → listen → the engine's health verdict), against the anchor of a
// plain warm `dotnet publish -t:PublishContainer` of the same app measured in the same run.
var iterations = args.Length > 0 ? int.Parse(args[0]) : 3;
var budget = TimeSpan.FromSeconds(15);

await using var registry = await TestRegistry.StartAsync();
var busybox = await BaseImages.PushAsync(registry, BaseImageKind.Busybox);
var wgetCheck = new ContainerRunOptions { HealthCheck = new HealthcheckConfig(["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz || exit 1"], Interval: TimeSpan.FromMilliseconds(100), Retries: 2) };

using var sample = await SampleProject.AcquireAsync();
await RoundTripAsync(); // warm-up: restore, first build, base layers in the registry

var anchors = new List<TimeSpan>();
var trips = new List<(TimeSpan Total, TimeSpan Publish, TimeSpan Run, TimeSpan Check)>();
for (var i = 0; i < iterations; i++)
{
    anchors.Add((await PublishAsync()).Duration);
    trips.Add(await RoundTripAsync());
}

var anchor = Median(anchors);
var total = Median(trips.Select(t => t.Total));
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {iterations} iterations, medians");
Console.WriteLine($"anchor  plain warm publish           {anchor.TotalSeconds,6:F2} s");
Console.WriteLine($"        round trip publish part      {Median(trips.Select(t => t.Publish)).TotalSeconds,6:F2} s");
Console.WriteLine($"        docker pull + run + listen   {Median(trips.Select(t => t.Run)).TotalSeconds,6:F2} s");
Console.WriteLine($"        health check (wget, healthy) {Median(trips.Select(t => t.Check)).TotalSeconds,6:F2} s");
Console.WriteLine($"round trip                           {total.TotalSeconds,6:F2} s  = {total / anchor:F2} x anchor; budget {budget.TotalSeconds} s: {(total <= budget ? "within" : "OVER")}");

async Task<ContainerPublishResult> PublishAsync() =>
    (await ContainerPublisher.PublishAsync(sample.ProjectFile, new() { BaseImage = busybox.Reference, Registry = registry })).EnsureSuccess();

async Task<(TimeSpan, TimeSpan, TimeSpan, TimeSpan)> RoundTripAsync()
{
    var clock = Stopwatch.StartNew();
    var published = await PublishAsync();
    var publish = clock.Elapsed;
    await using var container = await ContainerRunner.RunAsync(registry, published.ImageReference!, wgetCheck);
    await container.WaitForListeningAsync(8080);
    var run = clock.Elapsed - publish;
    var report = await container.WaitForHealthAsync();
    if (report.Status != HealthStatus.Healthy)
    {
        throw new InvalidOperationException($"expected healthy: {report}");
    }

    var check = clock.Elapsed - publish - run;
    return (clock.Elapsed, publish, run, check);
}

static TimeSpan Median(IEnumerable<TimeSpan> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
