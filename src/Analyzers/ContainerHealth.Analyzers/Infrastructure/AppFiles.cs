using System.Collections.Immutable;
using System.Threading;
using ContainerHealth.Analyzers.Configuration;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// The files beside the C# the compiler gets as AdditionalFiles: referenced projects' sources, Razor pages, the
/// appsettings files. Each is read lazily, on the first question only.
/// </summary>
internal sealed class AppFiles
{
    private AppFiles(ReferencedSources sources, RazorPageRoutes pages, ProductionSettings settings)
    {
        Sources = sources;
        Pages = pages;
        Settings = settings;
    }

    public ReferencedSources Sources { get; }

    public RazorPageRoutes Pages { get; }

    public ProductionSettings Settings { get; }

    public static AppFiles Read(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider provider, ParseOptions? parseOptions, CancellationToken cancellationToken) =>
        new(
            ReferencedSources.Read(additionalFiles, provider, parseOptions, cancellationToken),
            RazorPageRoutes.Read(additionalFiles, provider),
            ProductionSettings.Read(additionalFiles, cancellationToken));
}
