using ContainerHealth.Probe;
using ContainerHealth.Probe.Native;

// healthprobe [URL] [options]: exit 0 healthy, 1 for everything else (Docker reserves 2), one line on stdout.
var parsed = ProbeArguments.Parse(args, Environment.GetEnvironmentVariable);
if (parsed.HelpRequested)
{
    // Exit 1 even for --help: in a HEALTHCHECK, 0 would be read as "healthy".
    StandardOutput.WriteLine(ProbeCommandLine.Usage);
    return 1;
}

if (parsed.Options is not { } options)
{
    StandardOutput.WriteLine("unhealthy: " + parsed.Error);
    return 1;
}

var deadline = new Deadline(options.Timeout, ProcessStart.Timestamp());
var result = HealthCheck.Run(options, deadline);
if (!StandardOutput.TryClaim())
{
    // The watchdog has printed the timeout line and is ending the process.
    Thread.Sleep(Timeout.Infinite);
}

StandardOutput.WriteLine(ResultLine.Format(result));
return result.IsHealthy ? 0 : 1;
