using System.Linq;
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
            if (start.Compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication))
            {
                return;
            }

            var options = ContainerHealthOptions.Read(start.Options);
            // Checked over gRPC, the container requests no HTTP path: CH0001-CH0006 do not apply, CH0007/CH0008 do.
            if (!options.RulesApply || options.ChecksOverGrpc(start.Compilation))
            {
                return;
            }

            var types = WellKnownTypes.TryCreate(start.Compilation);
            if (types is null)
            {
                return;
            }

            var files = AppFiles.Read(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.Compilation.SyntaxTrees.FirstOrDefault()?.Options, start.CancellationToken);
            var collector = new EndpointMapCollector(types, start.Compilation, files);
            collector.Register(start);
            start.RegisterCompilationEndAction(end =>
            {
                var map = collector.Build(options.DecidedPath, end.CancellationToken);
                var probed = options.PathDecidedByApp ? options.ProbedPath(HealthEndpointInventory.Of(map, options)) : options.DecidedPath!;
                report(end, map, options, probed);
            });
        });
    }
}
