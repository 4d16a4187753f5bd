using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Configuration;

/// <summary>
/// The configuration the app reads in the container from its files: appsettings.Production.json over appsettings.json,
/// handed to the analyzers as AdditionalFiles by the package's targets. Environment variables are not visible here.
/// Read on first use only (most apps have no configuration gate around a mapping).
/// </summary>
internal sealed class ProductionSettings
{
    private readonly ImmutableArray<AdditionalText> files;
    private readonly CancellationToken cancellationToken;
    private readonly Lazy<IReadOnlyDictionary<string, string?>?> production;

    private ProductionSettings(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        this.files = files;
        this.cancellationToken = cancellationToken;
        production = new Lazy<IReadOnlyDictionary<string, string?>?>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static ProductionSettings Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken) =>
        new(additionalFiles.Where(file => IsSettings(file.Path, "appsettings.json") || IsSettings(file.Path, "appsettings.Production.json")).ToImmutableArray(), cancellationToken);

    /// <summary>Whether the files were handed over at all: without them a key's value is unknown, not unset.</summary>
    public bool Known => production.Value is not null;

    /// <summary>The key's value in Production from the files; null when neither sets it (or the files are unknown).</summary>
    public string? Value(string key) => production.Value is { } values && values.TryGetValue(key, out var value) ? value : null;

    private Dictionary<string, string?>? Read()
    {
        var baseFile = files.FirstOrDefault(file => IsSettings(file.Path, "appsettings.json"));
        if (baseFile is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { baseFile, files.FirstOrDefault(file => IsSettings(file.Path, "appsettings.Production.json")) })
        {
            if (file?.GetText(cancellationToken) is { } text && AppSettingsJson.Parse(text.ToString()) is { } values)
            {
                foreach (var entry in values)
                {
                    merged[entry.Key] = entry.Value;
                }
            }
        }

        return merged;
    }

    private static bool IsSettings(string path, string name) =>
        string.Equals(Path.GetFileName(path), name, StringComparison.OrdinalIgnoreCase);
}
