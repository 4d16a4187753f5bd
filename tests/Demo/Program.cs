using ContainerHealth.Demo;

// One line on failure (what failed, where the details are); the details, stack traces included, go to the log file.
var log = Environment.GetEnvironmentVariable("CONTAINERHEALTH_DEMO_LOG") ?? Path.Combine(Path.GetTempPath(), "containerhealth-demo.log");
try
{
    return args.FirstOrDefault() switch
    {
        null or "demo" => await DemoRun.RunAsync(),
        "bench" => await PublishBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5),
        "bench-profile" => await PublishProfile.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 2),
        "bench-verify" => await VerifyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5),
        _ => Usage(),
    };
}
catch (Exception e)
{
    await File.AppendAllTextAsync(log, $"{e}\n{(e as DemoFailure)?.Details}\n");
    Console.Error.WriteLine($"failed: {e.Message.Split('\n')[0]} (details: {log})");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run --project tests/Demo [demo | bench [runs] | bench-profile [runs] | bench-verify [runs]]");
    return 2;
}
