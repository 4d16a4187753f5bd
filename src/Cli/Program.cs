using System.CommandLine;
using ContainerHealth.Cli;
using ContainerHealth.Cli.Inspect;
using ContainerHealth.Cli.Linting;
using ContainerHealth.Cli.Probe;
using ContainerHealth.Cli.Verifying;

var root = new RootCommand("Checks that container health checks can run in the image they target: inspect an image, lint deployment files and Dockerfiles, verify the checks under a real engine, write the probe.")
{
    InspectCommand.Create(),
    LintCommand.Create(),
    VerifyCommand.Create(),
    ProbeCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"container-health: {error.Message}");
    }

    Console.Error.WriteLine($"Run '{CommandName(parsed)} --help' for usage.");
    return ExitCodes.Usage;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    Console.Error.WriteLine($"container-health: {e.Message}");
    return ExitCodes.Usage;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("container-health: cancelled");
    return 130;
}
catch (Exception e)
{
    // A failure no command anticipated: say what it was, without a stack trace, and ask for a report.
    Console.Error.WriteLine($"container-health: unexpected failure: {e.Message} ({e.GetType().Name}). Please report it with the command line.");
    return ExitCodes.Findings;
}

static string CommandName(ParseResult parsed) =>
    parsed.CommandResult.Command is RootCommand ? "container-health" : "container-health " + parsed.CommandResult.Command.Name;
