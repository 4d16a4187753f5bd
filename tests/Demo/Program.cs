using ContainerHealth.Demo;

return args.FirstOrDefault() switch
{
    null or "demo" => await DemoRun.RunAsync(),
    "bench" => await PublishBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run --project tests/Demo [demo | bench [runs]]");
    return 2;
}
