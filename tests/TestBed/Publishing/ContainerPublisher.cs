using System.Diagnostics;
using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.TestBed.Publishing;

/// <summary>
/// Real <c>dotnet publish -t:PublishContainer</c> of a project into a test registry, a tarball, or (neither given) the
/// test process's private Docker engine.
/// <code>
/// using var sample = await SampleProject.AcquireAsync();                       // or: using var app = await ConsumerProject.CreateWebAsync();
/// var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, new ContainerPublishOptions
/// {
///     BaseImage = (await BaseImages.PushAsync(registry, BaseImageKind.Chiseled)).Reference,
///     Registry = registry,
/// });
/// // published.ImageReference == "localhost:PORT/healthy-sample:TAG"; published.Codes lists CHxxxx/CONTAINERxxxx codes
/// </code>
/// </summary>
public static class ContainerPublisher
{
    private static readonly Dictionary<string, string?> DotnetEnvironment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    public static async Task<ContainerPublishResult> PublishAsync(string projectFile, ContainerPublishOptions options)
    {
        var command = await PrepareAsync(projectFile, options);
        var stopwatch = Stopwatch.StartNew();
        var build = await ProcessRunner.RunAsync("dotnet", command.Arguments, Path.GetDirectoryName(projectFile), command.Environment, options.Timeout);
        stopwatch.Stop();
        var succeeded = build.ExitCode == 0;
        return new ContainerPublishResult(
            build,
            BuildDiagnostic.Parse(build.Output),
            !succeeded || command.Archive is not null ? null : command.ToEngine ? $"{options.Repository}:{options.Tag}" : $"{options.Registry!.Address}/{options.Repository}:{options.Tag}",
            succeeded ? command.Archive : null,
            stopwatch.Elapsed);
    }

    /// <summary>
    /// The same publish, started and not awaited: for a test that kills or interrupts it. SIGINT gets its default disposition
    /// back (a CI runner that starts the tests in the background hands them SIGINT ignored); env execs dotnet, so the PID is the build's.
    /// </summary>
    public static async Task<StartedProcess> StartAsync(string projectFile, ContainerPublishOptions options)
    {
        var command = await PrepareAsync(projectFile, options);
        return ProcessRunner.Start("env", ["--default-signal=INT", "dotnet", .. command.Arguments], Path.GetDirectoryName(projectFile), command.Environment);
    }

    private static async Task<PublishCommand> PrepareAsync(string projectFile, ContainerPublishOptions options)
    {
        var properties = new Dictionary<string, string>
        {
            ["ContainerBaseImage"] = options.BaseImage,
            ["ContainerRepository"] = options.Repository,
            ["ContainerImageTag"] = options.Tag,
        };
        string? archive = null;
        if (options.ArchiveDirectory is { } directory)
        {
            archive = Path.Combine(directory, $"{options.Repository}.tar.gz");
            properties["ContainerArchiveOutputPath"] = archive;
        }
        else if (options.Registry is { } registry)
        {
            properties["ContainerRegistry"] = registry.Address;
        }

        foreach (var (name, value) in options.Properties)
        {
            properties[name] = value;
        }

        List<string> arguments = ["publish", projectFile, "-t:PublishContainer", "-c", options.Configuration, "-nologo", "-v:m", "-clp:NoSummary"];
        if (options.RuntimeIdentifier is { } rid)
        {
            arguments.AddRange(["-r", rid]);
        }

        arguments.AddRange(properties.Select(p => $"-p:{p.Key}={Quote(p.Value)}"));
        arguments.AddRange(options.Switches);

        var environment = new Dictionary<string, string?>(DotnetEnvironment);
        var toEngine = archive is null && options.Registry is null;
        if (toEngine)
        {
            // No registry and no archive: the SDK loads the image into the local engine, which is the test process's own.
            foreach (var (name, value) in (await DockerEngine.SharedAsync()).ClientEnvironment)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in (options.Registry?.CredentialEnvironment ?? new Dictionary<string, string?>()).Concat(options.Environment))
        {
            environment[name] = value;
        }

        return new PublishCommand(arguments, environment, archive, toEngine);
    }

    // MSBuild splits -p values at ';' and ','; quotes keep them in one property.
    private static string Quote(string value) => value.IndexOfAny([';', ',']) >= 0 ? $"\"{value}\"" : value;

    private sealed record PublishCommand(List<string> Arguments, Dictionary<string, string?> Environment, string? Archive, bool ToEngine);
}
