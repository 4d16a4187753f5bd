using ContainerHealth.Build.Logging;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using ContainerHealth.Registry;
using ContainerHealth.Verify;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Verify;

/// <summary>
/// Side-effecting step (ContainerHealthVerify=true): runs the published image under the local engine with its own
/// HEALTHCHECK and reports the engine's verdict — one line when healthy, CH1014 with a diagnosis when not, CH1015 when it
/// cannot run. A multi-RID publish verifies the RID the engine runs natively and says which were not run.
/// </summary>
public sealed class VerifyImageHealth : Task, ICancelableTask
{
    private readonly TaskCancellation cancellation = new();

    /// <summary>Where the SDK put the image: Archive, Registry or LocalEngine (ChooseImageDestination).</summary>
    [Required]
    public string Destination { get; set; } = "";

    /// <summary>The SDK's GeneratedArchiveOutputPath, for an Archive destination.</summary>
    public string ArchivePath { get; set; } = "";

    public string Registry { get; set; } = "";

    [Required]
    public string Repository { get; set; } = "";

    /// <summary>ContainerImageTags: the first names the image run.</summary>
    [Required]
    public ITaskItem[] Tags { get; set; } = [];

    /// <summary>The SDK's LocalRegistry: Docker, Podman, or empty for whichever answers.</summary>
    public string LocalRegistry { get; set; } = "";

    /// <summary>ContainerHealthVerifyEnvironmentVariable items: Include is the name, Value the value.</summary>
    public ITaskItem[] EnvironmentVariables { get; set; } = [];

    public string Network { get; set; } = "";

    /// <summary>ContainerHealthVerifyTimeout: a Docker duration (90s, 2m) or whole seconds; default 60 s.</summary>
    public string Timeout { get; set; } = "";

    /// <summary>ContainerRuntimeIdentifiers of a multi-RID publish; empty for a single RID.</summary>
    public string[] RuntimeIdentifiers { get; set; } = [];

    [Required]
    public string ProjectFile { get; set; } = "";

    public void Cancel() => cancellation.Cancel();

    /// <summary>How the image is named in messages, e.g. myapp:1.0.</summary>
    private string DisplayName => Repository + ":" + (Tags.Length > 0 ? Tags[0].ItemSpec : "latest");

    /// <summary>What the engine takes: the archive, the registry reference, or the name in the local engine.</summary>
    private string Image => Destination switch
    {
        "Archive" => ArchivePath,
        "Registry" => Registry.TrimEnd('/') + "/" + DisplayName,
        _ => DisplayName,
    };

    public override bool Execute()
    {
        if (!TryParseTimeout(out var timeout))
        {
            return false;
        }

        var options = new VerifyOptions
        {
            Environment = EnvironmentVariables.Select(v => v.ItemSpec + "=" + v.GetMetadata("Value")).ToList(),
            Network = Network.Length > 0 ? Network : "none",
            Timeout = timeout,
        };
        var location = Destination switch
        {
            "Archive" => ImageLocation.Archive,
            "Registry" => ImageLocation.Registry,
            _ => ImageLocation.Engine,
        };

        using var run = cancellation.Start();
        try
        {
            return System.Threading.Tasks.Task.Run(() => VerifyAsync(location, options, run.Token)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the verify of {0} was cancelled; its container was removed.", DisplayName);
            return false;
        }
        catch (ImageUnavailableException e)
        {
            Log.Log(VerifyReport.CouldNotRun(DisplayName, e.Message), ProjectFile);
            return false;
        }
    }

    private async Task<bool> VerifyAsync(ImageLocation location, VerifyOptions options, CancellationToken cancellationToken)
    {
        var engine = await VerifySession.FindEngineAsync(LocalRegistry, cancellationToken);
        string? platform = null;
        if (RuntimeIdentifiers.Length > 1)
        {
            platform = await engine.NativePlatformAsync(cancellationToken);
            var native = RuntimeIdentifiers.FirstOrDefault(rid => Platform.FromRuntimeIdentifier(rid) is { } p && p.ToString() == platform);
            var notRun = RuntimeIdentifiers.Where(rid => rid != native).ToList();
            if (native is null)
            {
                Log.LogWarning(null, DiagnosticCodes.VerifyCouldNotRun, null, DiagnosticCodes.HelpLink(DiagnosticCodes.VerifyCouldNotRun), ProjectFile, 0, 0, 0, 0,
                    "ContainerHealth did not verify {0}: the engine runs {1}, and none of its runtime identifiers ({2}) runs there natively. Verify it on a machine of one of them.",
                    DisplayName, platform ?? "an unknown platform", string.Join(", ", RuntimeIdentifiers));
                return true;
            }

            Log.LogMessage(MessageImportance.High, "ContainerHealth: verifying {0} for {1} ({2}); not run here: {3} (the engine does not run them natively).", DisplayName, native, platform, string.Join(", ", notRun));
        }

        await using var session = await VerifySession.OpenAsync(engine, Image, location, platform, cancellationToken);
        var outcome = await session.VerifyAsync(VerifyCheck.ImageOwn, options, cancellationToken);
        if (outcome.IsHealthy)
        {
            Log.LogMessage(MessageImportance.High, VerifyReport.HealthyLine(DisplayName, outcome));
            return true;
        }

        // The evidence as messages: MSBuild would print every line of a multi-line error as an error of its own.
        Log.Log(VerifyReport.NotHealthy(DisplayName, "HEALTHCHECK", outcome), ProjectFile);
        foreach (var line in VerifyReport.Details(outcome))
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        return false;
    }

    private bool TryParseTimeout(out TimeSpan timeout)
    {
        timeout = VerifyOptions.DefaultTimeout;
        var text = Timeout.Trim();
        if (text.Length == 0 || VerifyOptions.TryParseTimeout(text, out timeout))
        {
            return true;
        }

        Log.Log(new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error,
            $"ContainerHealthVerifyTimeout is '{Timeout}', which is not {DockerDuration.Syntax}, nor a whole number of seconds. Write it as e.g. 90s or 2m."), ProjectFile);
        return false;
    }
}
