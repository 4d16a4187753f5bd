using System.Globalization;

namespace ContainerHealth.TestBed.Containers;

/// <summary>The <c>docker run</c> command line for a test container: detached, no network, options as the CLI spells them.</summary>
internal static class DockerRunArguments
{
    public static IReadOnlyList<string> For(string name, string image, ContainerRunOptions options)
    {
        List<string> arguments = ["run", "--detach", "--name", name, "--network", "none", .. options.RunArguments];
        foreach (var variable in options.Environment)
        {
            arguments.AddRange(["--env", variable]);
        }

        if (options.User is { } user)
        {
            arguments.AddRange(["--user", user]);
        }

        if (options.HealthCheck is { } check)
        {
            arguments.AddRange(HealthArguments(check));
        }

        if (options.Entrypoint is { } entrypoint)
        {
            // --entrypoint takes one program; the rest of the entrypoint goes before the command, as Docker joins them.
            arguments.AddRange(["--entrypoint", entrypoint[0], image, .. entrypoint.Skip(1), .. options.Command ?? []]);
        }
        else
        {
            arguments.AddRange([image, .. options.Command ?? []]);
        }

        return arguments;
    }

    private static IEnumerable<string> HealthArguments(HealthcheckConfig check)
    {
        switch (check.Test)
        {
            case []:
                break;
            case ["NONE"]:
                yield return "--no-healthcheck";
                break;
            case ["CMD-SHELL", var command]:
                yield return "--health-cmd";
                yield return command;
                break;
            default:
                throw new ArgumentException($"docker run can only set a CMD-SHELL or NONE check, not [{string.Join(", ", check.Test)}]; put exec-form checks in the image");
        }

        foreach (var (flag, value) in new[] { ("--health-interval", check.Interval), ("--health-timeout", check.Timeout), ("--health-start-period", check.StartPeriod) })
        {
            if (value > TimeSpan.Zero)
            {
                yield return flag;
                yield return Duration(value);
            }
        }

        if (check.Retries > 0)
        {
            yield return "--health-retries";
            yield return check.Retries.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Duration(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
