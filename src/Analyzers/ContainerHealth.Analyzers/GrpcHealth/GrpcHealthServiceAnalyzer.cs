using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.GrpcHealth;

/// <summary>
/// CH0007/CH0008: a gRPC service the container checks with grpc.health.v1 (ContainerHealthCheckProtocol=grpc, the default
/// with a gRPC health package and no ContainerHealthCheckPath) must map the health service and register its checks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GrpcHealthServiceAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor NotMapped = new(
        DiagnosticIds.GrpcHealthServiceNotMapped,
        title: "The gRPC health service is not mapped",
        messageFormat: "The container checks this gRPC service with grpc.health.v1/Health/Check, but no health service is mapped, so every check gets UNIMPLEMENTED: add builder.Services.AddGrpcHealthChecks() and app.MapGrpcHealthChecksService() (package Grpc.AspNetCore.HealthChecks), or set ContainerHealthCheckProtocol=http",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "With ContainerHealthCheckProtocol=grpc the probe calls grpc.health.v1.Health/Check; a service that maps neither MapGrpcHealthChecksService() nor its own Health.HealthBase is unhealthy forever.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.GrpcHealthServiceNotMapped),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NotRegistered = new(
        DiagnosticIds.GrpcHealthChecksNotRegistered,
        title: "MapGrpcHealthChecksService() without AddGrpcHealthChecks()",
        messageFormat: "MapGrpcHealthChecksService() needs the services AddGrpcHealthChecks() registers, and it is never called: add builder.Services.AddGrpcHealthChecks()",
        category: "ContainerHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The gRPC health service answers from the health checks AddGrpcHealthChecks() registers.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.GrpcHealthChecksNotRegistered),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static Location Earlier(Location a, Location b) =>
        string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath) is var byFile && byFile != 0
            ? (byFile < 0 ? a : b)
            : (a.SourceSpan.Start <= b.SourceSpan.Start ? a : b);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(NotMapped, NotRegistered);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var options = ContainerHealthOptions.Read(start.Options);
            if (!options.RulesApply || !options.ChecksOverGrpc(start.Compilation))
            {
                return;
            }

            var healthBase = start.Compilation.GetTypeByMetadataName("Grpc.Health.V1.Health+HealthBase");

            var calls = new ConcurrentDictionary<string, Location>();
            var ownHealthService = 0;
            start.RegisterOperationAction(
                operation =>
                {
                    var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                    var call = (method.Name, method.ContainingType?.ToDisplayString()) switch
                    {
                        ("MapGrpcService", "Microsoft.AspNetCore.Builder.GrpcEndpointRouteBuilderExtensions") => "MapGrpcService",
                        ("AddGrpc", "Microsoft.Extensions.DependencyInjection.GrpcServicesExtensions") => "AddGrpc",
                        ("MapGrpcHealthChecksService", "Microsoft.AspNetCore.Builder.GrpcHealthChecksEndpointRouteBuilderExtensions") => "MapGrpcHealthChecksService",
                        ("AddGrpcHealthChecks", "Microsoft.Extensions.DependencyInjection.GrpcHealthChecksServiceExtensions") => "AddGrpcHealthChecks",
                        _ => null,
                    };
                    if (call is not null)
                    {
                        // The first call in the source, whichever thread sees it first.
                        var location = operation.Operation.Syntax.GetLocation();
                        calls.AddOrUpdate(call, location, (_, seen) => Earlier(seen, location));
                    }
                },
                OperationKind.Invocation);
            if (healthBase is not null)
            {
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        for (var type = ((INamedTypeSymbol)symbol.Symbol).BaseType; type is not null; type = type.BaseType)
                        {
                            if (SymbolEqualityComparer.Default.Equals(type, healthBase))
                            {
                                System.Threading.Interlocked.Exchange(ref ownHealthService, 1);
                            }
                        }
                    },
                    SymbolKind.NamedType);
            }

            start.RegisterCompilationEndAction(end =>
            {
                // A gRPC service: AddGrpc() or MapGrpcService<T>(); reported at the mapping when there is one.
                if (!(calls.TryGetValue("MapGrpcService", out var service) || calls.TryGetValue("AddGrpc", out service)) || ownHealthService == 1)
                {
                    return;
                }

                if (!calls.TryGetValue("MapGrpcHealthChecksService", out var health))
                {
                    end.ReportDiagnostic(Diagnostic.Create(NotMapped, service));
                }
                else if (!calls.ContainsKey("AddGrpcHealthChecks"))
                {
                    end.ReportDiagnostic(Diagnostic.Create(NotRegistered, health));
                }
            });
        });
    }
}
