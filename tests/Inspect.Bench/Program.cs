using System.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Registry;

// Cold inspection (empty cache, no SDK layer cache: every layer downloaded and its headers read) and warm inspection
// (manifest lookup + cached facts) of the chiseled fixture, against the anchor `skopeo copy` of the same image from the
// same registry to a local directory, measured in the same run. Inspection runs in process after one JIT warm-up.
var iterations = args.Length > 0 ? int.Parse(args[0]) : 5;
await using var registry = await TestRegistry.StartAsync();
var image = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);
var reference = ImageReference.Parse(image.Reference);
using var client = new RegistryClient(new RegistryClientOptions { Credentials = FixedCredentialSource.None });
var scratch = Directory.CreateTempSubdirectory("ch-inspect-bench-");
try
{
    await SkopeoAsync();
    await ColdAsync();

    var anchors = new List<TimeSpan>();
    var colds = new List<TimeSpan>();
    for (var i = 0; i < iterations; i++)
    {
        anchors.Add(await SkopeoAsync());
        colds.Add(await ColdAsync());
    }

    var warmCache = new InspectionCache(Path.Combine(scratch.FullName, "warm"));
    var warmInspector = new BaseImageInspector(client, warmCache) { SdkLayerDirectories = [] };
    await warmInspector.InspectAsync(reference, "linux-x64");
    var warms = new List<TimeSpan>();
    for (var i = 0; i < iterations * 4; i++)
    {
        var clock = Stopwatch.StartNew();
        var warm = await warmInspector.InspectAsync(reference, "linux-x64");
        warms.Add(clock.Elapsed);
        if (!warm.FromCache)
        {
            throw new InvalidOperationException("warm inspection did not come from the cache");
        }
    }

    var anchor = Median(anchors);
    var cold = Median(colds);
    var warmMedian = Median(warms);
    var manifest = (await client.GetManifestAsync(reference)).ReadManifest();
    Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {iterations} iterations, medians");
    Console.WriteLine($"image   {image.Reference}: {manifest.Layers.Count} layers, {manifest.Layers.Sum(l => l.Size) / 1e6:F1} MB compressed");
    Console.WriteLine($"anchor  skopeo copy docker:// -> dir:   {anchor.TotalMilliseconds,8:F0} ms");
    Console.WriteLine($"cold    inspection (download + headers) {cold.TotalMilliseconds,8:F0} ms  = {cold / anchor:F2} x anchor; target <= 1.20 x: {(cold / anchor <= 1.2 ? "met" : "MISSED")}");
    Console.WriteLine($"warm    inspection (manifest + cache)   {warmMedian.TotalMilliseconds,8:F1} ms; target <= 50 ms: {(warmMedian.TotalMilliseconds <= 50 ? "met" : "MISSED")}");
}
finally
{
    scratch.Delete(recursive: true);
}

async Task<TimeSpan> SkopeoAsync()
{
    var target = Path.Combine(scratch.FullName, "skopeo-" + Guid.NewGuid().ToString("N"));
    var clock = Stopwatch.StartNew();
    (await ProcessRunner.RunAsync("skopeo", ["copy", "--quiet", "--insecure-policy", "--src-tls-verify=false", $"docker://{image.Reference}", $"dir:{target}"])).EnsureSuccess();
    var elapsed = clock.Elapsed;
    Directory.Delete(target, recursive: true);
    return elapsed;
}

async Task<TimeSpan> ColdAsync()
{
    var cache = new InspectionCache(Path.Combine(scratch.FullName, "cold-" + Guid.NewGuid().ToString("N")));
    var clock = Stopwatch.StartNew();
    var inspection = await new BaseImageInspector(client, cache) { SdkLayerDirectories = [] }.InspectAsync(reference, "linux-x64");
    var elapsed = clock.Elapsed;
    if (inspection.FromCache || inspection.Facts.Source != FactsSource.Layers)
    {
        throw new InvalidOperationException($"expected a cold read of the layers: {inspection.Warning}");
    }

    return elapsed;
}

static TimeSpan Median(IEnumerable<TimeSpan> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
