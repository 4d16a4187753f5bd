using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>
/// Where the CH0xxx rules apply: ASP.NET Core executables with container support on and ContainerHealthCheck not false.
/// Starts the per-compilation endpoint collection there and hands the resolved map to the rule at compilation end.
/// </summary>
internal static class HealthRuleScope
{
    /// <param name="probedPath">The path the container requests: the project's, else the one the app's confirmed health endpoints give.</param>
    public delegate void EndAction(CompilationAnalysisContext context, EndpointMap map, ContainerHealthOptions options, string probedPath);

    public static void Register(AnalysisContext context, EndAction report)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var options = ContainerHealthOptions.Read(start.Options);
            if (Collector(start.Compilation, options, start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.CancellationToken) is not { } collector)
            {
                return;
            }

            collector.Register(start);
            start.RegisterCompilationEndAction(end =>
            {
                var map = collector.Build(options.DecidedPath, end.CancellationToken);
                var probed = options.PathDecidedByApp ? options.ProbedPath(HealthEndpointInventory.Of(map, options)) : options.DecidedPath!;
                report(end, map, options, probed);
            });
        });
    }

    /// <summary>
    /// The endpoint collection for a compilation the rules apply to (and the generator records endpoints of); null
    /// elsewhere: not an executable, the package or its check switched off, a check over gRPC (the container requests no
    /// HTTP path: CH0001-CH0006 do not apply, CH0007/CH0008 do), or not an ASP.NET Core app.
    /// </summary>
    public static EndpointMapCollector? Collector(
        Compilation compilation, ContainerHealthOptions options, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication)
            || !options.RulesApply
            || options.ChecksOverGrpc(compilation)
            || WellKnownTypes.TryCreate(compilation) is not { } types)
        {
            return null;
        }

        var files = AppFiles.Read(additionalFiles, provider, compilation.SyntaxTrees.FirstOrDefault()?.Options, cancellationToken);
        return new EndpointMapCollector(types, compilation, files);
    }
}
