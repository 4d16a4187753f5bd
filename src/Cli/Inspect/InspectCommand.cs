using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerHealth.Cli.Progress;
using ContainerHealth.Inspection;
using ContainerHealth.Inspection.Sources;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Inspect;

/// <summary><c>container-health inspect IMAGE [--platform os/arch] [--json] [--no-cache]</c>.</summary>
public static class InspectCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create()
    {
        var image = new Argument<string>("image")
        {
            Description = "A registry reference (localhost:5000/app:1.0, mcr.microsoft.com/dotnet/aspnet:10.0), an OCI image layout directory (DIR or DIR:REF) or an image archive (docker save / oci-archive tar).",
        };
        var platform = new Option<string?>("--platform") { Description = "The platform to inspect in a multi-platform image, e.g. linux/arm64 (default: this machine's)." };
        var json = new Option<bool>("--json") { Description = "Print the facts as JSON." };
        var noCache = new Option<bool>("--no-cache") { Description = "Read the layers even when the facts for this manifest digest are cached." };
        var command = new Command("inspect", "Show what an image can run for a health check: shell, curl, wget, user, port settings, existing HEALTHCHECK.")
        {
            image, platform, json, noCache,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(image), parsed.GetValue(platform), parsed.GetValue(json), !parsed.GetValue(noCache), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string argument, string? platformText, bool json, bool useCache, CancellationToken cancellationToken)
    {
        var platform = platformText is null ? null : PlatformName.Parse(platformText);
        var result = await InspectAsync(argument, platform, useCache, cancellationToken);
        if (result.Warning is { } warning)
        {
            Console.Error.WriteLine(DiagnosticText.Format(warning));
        }

        var report = InspectReport.From(result);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else if (result.Facts.Source != FactsSource.Unknown)
        {
            FactsTable.Write(Console.Out, report);
        }

        return result.Facts.Source == FactsSource.Layers ? ExitCodes.Success : ExitCodes.Findings;
    }

    public static async Task<ImageInspectionResult> InspectAsync(
        string argument,
        Platform? platform,
        bool useCache,
        CancellationToken cancellationToken,
        UnreachableRegistries? unreachable = null,
        RegistryClientOptions? registryOptions = null)
    {
        if (LocalImageSource.NamesLocalPath(argument))
        {
            return await LocalImageInspection.RunAsync(argument, platform, cancellationToken);
        }

        if (argument.StartsWith('-'))
        {
            throw new UsageException($"unknown option '{argument}'; run 'container-health inspect --help'");
        }

        if (argument.StartsWith('.') || argument.StartsWith('/') || argument.StartsWith('~'))
        {
            throw new UsageException($"{argument}: no such file or directory");
        }

        if (!ImageReference.TryParse(argument, out var reference, out var error))
        {
            throw new UsageException($"'{argument}' is neither a file, a directory nor an image reference ({error})");
        }

        // Several images at once (lint) would interleave their progress lines.
        using var progress = unreachable is null ? DownloadProgress.ForTerminal() : null;
        return await RegistryImageInspection.RunAsync(reference, platform, useCache, progress, cancellationToken, unreachable, registryOptions);
    }
}
