using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Collects, concurrently and per compilation, where the app maps endpoints, registers health checks and configures
/// authorization; <see cref="Build"/> resolves builder origins into absolute paths at compilation end. What a call
/// means is read by its own type: conventions (<see cref="EndpointConventionReader"/>), builder origins
/// (<see cref="BuilderOriginResolver"/>), library calls (<see cref="LibraryCallReader"/>), inline middleware
/// (<see cref="InlineMiddlewareReader"/>), controllers (<see cref="ControllerRouteReader"/>).
/// </summary>
internal sealed class EndpointMapCollector
{
    private readonly WellKnownTypes types;
    private readonly Compilation compilation;
    private readonly BuilderRoleCache roles;
    private readonly EndpointConventionReader conventions;
    private readonly BuilderOriginResolver origins;
    private readonly LibraryCallReader libraries;
    private readonly ControllerRouteReader controllers;
    private readonly InlineMiddlewareReader middleware;
    private readonly AuthorizationSetup authorization;
    private readonly Ports.PinnedAddressReader addresses;
    private readonly HostFiltering.HostFilterReader hostFilter = new();
    private readonly ConcurrentQueue<MappedEndpoint> endpoints = new();
    private readonly ConcurrentQueue<LibraryCall> libraryCalls = new();
    private readonly ReferencedSources sources;
    private readonly ConcurrentQueue<ControllerMapping> controllerMappings = new();
    private readonly ConcurrentQueue<ControllerMapping> razorPagesMappings = new();
    private readonly RazorPageRoutes pages;
    private readonly Configuration.ProductionSettings settings;
    private readonly ConcurrentQueue<ConventionalRoute> conventionalRoutes = new();
    private readonly ConcurrentQueue<SourceCall> sourceCalls = new();
    private readonly RouteWrappers wrappers;
    private readonly ConcurrentQueue<AppSite> sites = new();
    private readonly ConcurrentQueue<Location> configureServicesSites = new();
    private readonly DebugOnlyRegions debugRegions = new();
    private int healthChecksRegistered;

    public EndpointMapCollector(WellKnownTypes types, Compilation compilation, AppFiles files)
    {
        pages = files.Pages;
        wrappers = new RouteWrappers(compilation);
        settings = files.Settings;
        var sources = files.Sources;
        this.types = types;
        this.compilation = compilation;
        roles = new BuilderRoleCache(types);
        conventions = new EndpointConventionReader(types);
        origins = new BuilderOriginResolver(types, roles, conventions);
        this.sources = sources;
        libraries = new LibraryCallReader(roles, sources);
        controllers = new ControllerRouteReader(types);
        middleware = new InlineMiddlewareReader(types);
        authorization = new AuthorizationSetup(types);
        addresses = new Ports.PinnedAddressReader(types);
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(operation => Record(operation.Operation, operation.ContainingSymbol), OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.ObjectCreation);
    }

    /// <summary>Outside an analyzer (the generator walks the bodies itself): one operation of a body, as the callbacks get it.</summary>
    public void Record(IOperation operation, ISymbol containingSymbol)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                Record((IInvocationOperation)operation, containingSymbol);
                break;
            case OperationKind.SimpleAssignment:
                authorization.RecordAssignment(operation);
                hostFilter.RecordAssignment(operation);
                break;
            case OperationKind.ObjectCreation:
                authorization.RecordCreation(operation);
                break;
        }
    }

    /// <summary>
    /// The map at compilation end. Library calls are first judged by metadata; their referenced project's sources are
    /// read only when the app's own code leaves the verdict on <paramref name="probedPath"/> open, and always when the
    /// path is the app's to decide (null): then every health endpoint it maps counts.
    /// </summary>
    public EndpointMap Build(string? probedPath, CancellationToken cancellationToken)
    {
        var own = endpoints.ToList();
        // Read here rather than in a syntax-tree action: nearly no tree has an #if DEBUG, and a callback per tree costs more.
        foreach (var tree in compilation.SyntaxTrees)
        {
            own.AddRange(debugRegions.DisabledHealthMappings(tree, cancellationToken));
        }

        // Controllers matter only where the app maps them: read at the end, not in a callback per type.
        var actions = new List<MappedEndpoint>();
        var conventional = new List<ConventionalAction>();
        var mappingSite = controllerMappings.Select(mapping => mapping.Location).Concat(conventionalRoutes.Select(route => route.Location)).FirstOrDefault();
        if (mappingSite is not null)
        {
            ApplicationParts.ReadControllers(compilation, controllers, mappingSite, actions, conventional, cancellationToken);
        }

        foreach (var mapping in controllerMappings)
        {
            foreach (var action in actions)
            {
                own.Add(new MappedEndpoint(action.Kind, mapping.Origin, action.Template, action.Conventions, action.Location, null, action.Facts));
            }
        }

        if (!razorPagesMappings.IsEmpty)
        {
            var routes = pages.Routes(cancellationToken);
            foreach (var mapping in razorPagesMappings)
            {
                // Without the .cshtml files (a compilation outside the SDK) the pages are unknown, not absent.
                own.AddRange(routes is null
                    ? new[] { new MappedEndpoint(EndpointKind.AnyPath, mapping.Origin, null, EndpointConventions.None, mapping.Location, mapping.Location) }
                    : routes.Select(route => new MappedEndpoint(EndpointKind.Get, mapping.Origin, route, EndpointConventions.None, mapping.Location, mapping.Location)));
            }
        }

        var callers = BuilderOriginResolver.Callers(sourceCalls);

        var ownRegistered = Volatile.Read(ref healthChecksRegistered) != 0;
        var calledLibraries = libraryCalls.ToList();
        var readSources = false;
        if (calledLibraries.Count > 0 && !sources.IsEmpty)
        {
            var ownMap = Map(Resolve(own, callers), ownRegistered, conventional);
            readSources = probedPath is null
                || !ProbedPathAnswer.Find(ownMap, RoutePath.Normalize(probedPath)).Answered
                || (!ownRegistered && ownMap.Endpoints.Any(endpoint => endpoint.Endpoint.IsHealthCheck));
        }

        var all = own;
        var registered = ownRegistered;
        HashSet<IAssemblySymbol>? extendedLibraries = null;
        foreach (var call in calledLibraries)
        {
            var effect = libraries.Effect(call, readSources);
            registered |= effect.RegistersHealthChecks;
            if (effect.PendingMiddleware)
            {
                extendedLibraries ??= ExtendedLibraries(cancellationToken);
            }

            all.AddRange(effect.PendingMiddleware
                ? effect.Endpoints.Where(endpoint => endpoint.Facts.LibraryAssembly is { } library && extendedLibraries!.Contains(library))
                : effect.Endpoints);
        }

        return Map(Resolve(all, callers), registered, conventional);
    }

    private ImmutableArray<ResolvedEndpoint> Resolve(List<MappedEndpoint> mapped, Dictionary<BuilderParameter, List<BuilderOrigin>> callers)
    {
        var resolved = ImmutableArray.CreateBuilder<ResolvedEndpoint>();
        foreach (var endpoint in RouteWrappers.AtCalls(mapped, sourceCalls))
        {
            foreach (var origin in BuilderOriginResolver.ThroughCallers(endpoint.Origin, callers))
            {
                var path = origin.Kind == OriginKind.Root && endpoint.Template is not null
                    ? RoutePath.Combine(origin.Prefix, endpoint.Template)
                    : null;
                resolved.Add(new ResolvedEndpoint(endpoint, path, endpoint.Conventions.Within(origin.Conventions)));
            }
        }

        return resolved.ToImmutable();
    }

    private EndpointMap Map(ImmutableArray<ResolvedEndpoint> resolved, bool registered, List<ConventionalAction> conventional) =>
        new(
            resolved,
            sites.ToImmutableArray(),
            configureServicesSites.Distinct().ToImmutableArray(),
            registered,
            authorization.FallbackPolicySites,
            conventionalRoutes.ToImmutableArray(),
            conventional.ToImmutableArray(),
            authorization.GlobalAuthorizeFilterSites,
            authorization.AuthenticationHandlers,
            authorization.UseAuthorizationSites,
            addresses.Pinned,
            hostFilter.Sites);

    /// <summary>The libraries whose types the app's own classes extend: endpoint frameworks (FastEndpoints, ...).</summary>
    private HashSet<IAssemblySymbol> ExtendedLibraries(CancellationToken cancellationToken)
    {
        var extended = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var type in ApplicationParts.TypesOf(compilation.Assembly, nested: true, cancellationToken))
        {
            foreach (var candidate in type.BaseType is { } baseType ? type.Interfaces.Add(baseType) : type.Interfaces)
            {
                // object and the other special types are the runtime's: skip them before asking for an assembly.
                if (candidate is { SpecialType: SpecialType.None, ContainingAssembly: { } library }
                    && !SymbolEqualityComparer.Default.Equals(library, compilation.Assembly)
                    && !FrameworkAssembly.Is(library))
                {
                    extended.Add(library);
                }
            }
        }

        return extended;
    }

    private void Record(IInvocationOperation invocation, ISymbol containingSymbol)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            RecordSourceCall(invocation);
            return;
        }

        if (!FrameworkAssembly.Is(method.ContainingAssembly))
        {
            RecordLibraryCall(invocation);
            return;
        }

        var containing = method.ContainingType;
        switch (method.Name)
        {
            case "MapHealthChecks" when WellKnownTypes.Is(containing, types.HealthCheckEndpointRouteBuilderExtensions):
                AddEndpoint(EndpointKind.HealthChecks, invocation, "pattern");
                RecordConfigureServices(containingSymbol);
                break;
            case "UseHealthChecks" when WellKnownTypes.Is(containing, types.HealthCheckApplicationBuilderExtensions):
                AddEndpoint(EndpointKind.HealthChecksMiddleware, invocation, "path", invocation.Argument("port").ConstantInt());
                RecordConfigureServices(containingSymbol);
                break;
            case "MapGet" when WellKnownTypes.Is(containing, types.EndpointRouteBuilderExtensions):
                AddEndpoint(EndpointKind.Get, invocation, "pattern");
                break;
            case "Map" when WellKnownTypes.Is(containing, types.EndpointRouteBuilderExtensions):
                AddEndpoint(EndpointKind.Get, invocation, "pattern");
                break;
            case "Map" when WellKnownTypes.Is(containing, types.MapExtensions):
                AddEndpoint(EndpointKind.Get, invocation, "pathMatch");
                break;
            case "MapMethods" when WellKnownTypes.Is(containing, types.EndpointRouteBuilderExtensions):
                var methods = conventions.ConstantStrings(invocation.Argument("httpMethods"));
                if (methods.IsDefault || methods.Any(verb => string.Equals(verb, "GET", System.StringComparison.OrdinalIgnoreCase)))
                {
                    AddEndpoint(EndpointKind.Get, invocation, "pattern");
                }

                break;
            case "MapControllers" when WellKnownTypes.Is(containing, types.ControllerEndpointRouteBuilderExtensions):
                var (above, _) = conventions.Above(invocation);
                controllerMappings.Enqueue(new ControllerMapping(origins.Resolve(invocation.ThisArgument()).WithConventions(above), invocation.Syntax.GetLocation()));
                break;
            case "MapRazorPages" when containing.ToDisplayString() == "Microsoft.AspNetCore.Builder.RazorPagesEndpointRouteBuilderExtensions":
                var (pageConventions, _) = conventions.Above(invocation);
                razorPagesMappings.Enqueue(new ControllerMapping(origins.Resolve(invocation.ThisArgument()).WithConventions(pageConventions), invocation.Syntax.GetLocation()));
                break;
            case "MapControllerRoute" when WellKnownTypes.Is(containing, types.ControllerEndpointRouteBuilderExtensions):
                conventionalRoutes.Enqueue(new ConventionalRoute(invocation.Argument("pattern").ConstantString(), invocation.Syntax.GetLocation()));
                break;
            case "MapDefaultControllerRoute" when WellKnownTypes.Is(containing, types.ControllerEndpointRouteBuilderExtensions):
                conventionalRoutes.Enqueue(new ConventionalRoute(ConventionalRoute.DefaultPattern, invocation.Syntax.GetLocation()));
                break;
            case "MapFallback" or "MapFallbackToFile" or "MapFallbackToPage" or "MapFallbackToController" or "MapFallbackToAreaPage"
                or "MapFallbackToAreaController" or "MapAreaControllerRoute" or "MapDynamicControllerRoute" or "MapDynamicPageRoute"
                when containing.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder":
                AddEndpoint(EndpointKind.AnyPath, invocation, null);
                break;
            case "Use" when WellKnownTypes.Is(containing, types.UseExtensions) || WellKnownTypes.Implements(containing, types.ApplicationBuilder):
                foreach (var path in middleware.AnsweredPaths(invocation))
                {
                    AddEndpoint(EndpointKind.Get, invocation, null, template: path);
                }

                break;
            case "Run" when WellKnownTypes.Is(containing, types.RunExtensions):
            case "MapWhen" when WellKnownTypes.Is(containing, types.MapWhenExtensions):
                AddEndpoint(EndpointKind.AnyPath, invocation, null);
                break;
            case "AddHealthChecks" when WellKnownTypes.Is(containing, types.HealthCheckServiceCollectionExtensions):
            // Grpc.AspNetCore.HealthChecks' AddGrpcHealthChecks() calls AddHealthChecks() itself (seen in samples/GrpcSample,
            // which starts and answers /healthz).
            case "AddGrpcHealthChecks" when containing.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.GrpcHealthChecksServiceExtensions":
                Interlocked.Exchange(ref healthChecksRegistered, 1);
                break;
            case "Build" when WellKnownTypes.Is(containing, types.WebApplicationBuilder):
                sites.Enqueue(new AppSite(AppSiteKind.WebApplicationBuild, invocation.Syntax.GetLocation()));
                break;
            case "Build" when WellKnownTypes.Implements(containing, types.HostBuilder) || WellKnownTypes.Implements(containing, types.WebHostBuilder):
                sites.Enqueue(new AppSite(AppSiteKind.HostBuild, invocation.Syntax.GetLocation()));
                break;
            case "UseEndpoints" when WellKnownTypes.Is(containing, types.EndpointRoutingApplicationBuilderExtensions):
                sites.Enqueue(new AppSite(AppSiteKind.UseEndpoints, invocation.Syntax.GetLocation()));
                RecordConfigureServices(containingSymbol);
                break;
            default:
                if (!addresses.Record(invocation) && !hostFilter.RecordInvocation(invocation))
                {
                    authorization.Record(invocation);
                }

                break;
        }
    }

    private void AddEndpoint(EndpointKind kind, IInvocationOperation invocation, string? templateParameter, int? port = null, string? template = null)
    {
        var templateArgument = templateParameter is null ? null : invocation.Argument(templateParameter);
        template ??= templateParameter is null ? "/" : templateArgument.ConstantString();
        var origin = origins.Resolve(invocation.ThisArgument());
        var (above, top) = conventions.Above(invocation);
        var developmentOnly = EnvironmentCondition.SkippedInProduction(invocation.Syntax) ?? debugRegions.Around(invocation.Syntax);
        var gate = developmentOnly is null ? Configuration.ConfigurationGate.OffInProduction(invocation.Syntax, settings) : null;
        endpoints.Enqueue(new MappedEndpoint(
            kind, origin, template, above, invocation.Syntax.GetLocation(), top.Syntax.GetLocation(),
            new EndpointFacts(developmentOnly ?? gate?.Describe(), port, false, false, null, gate: gate),
            template is null ? wrappers.PatternParameter(templateArgument) : null));
    }

    /// <summary>A call to a method of this compilation that takes a route builder: remember what it passes.</summary>
    private void RecordSourceCall(IInvocationOperation invocation)
    {
        if ((roles.OfParameters(invocation.TargetMethod) & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) == 0)
        {
            return;
        }

        var method = invocation.TargetMethod;
        var builders = new BuilderOrigin?[method.Parameters.Length];
        var strings = method.Parameters.Any(parameter => parameter.Type.SpecialType == SpecialType.System_String) ? new string?[method.Parameters.Length] : null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (roles.IsRouteBuilder(parameter.Type))
            {
                builders[parameter.Ordinal] = origins.Resolve(argument.Value);
            }
            else if (strings is not null && parameter.Type.SpecialType == SpecialType.System_String)
            {
                strings[parameter.Ordinal] = argument.Value.ConstantString();
            }
        }

        sourceCalls.Enqueue(new SourceCall(method, builders, strings));
    }

    private void RecordLibraryCall(IInvocationOperation invocation)
    {
        if (libraries.Describe(invocation, origins.Resolve) is { } call)
        {
            libraryCalls.Enqueue(call);
        }
    }

    private void RecordConfigureServices(ISymbol containingSymbol)
    {
        var type = containingSymbol.ContainingType;
        if (type is null || types.ServiceCollection is null)
        {
            return;
        }

        foreach (var member in type.GetMembers("ConfigureServices"))
        {
            if (member is IMethodSymbol { Parameters.Length: 1 } method
                && WellKnownTypes.Implements(method.Parameters[0].Type, types.ServiceCollection)
                && method.DeclaringSyntaxReferences.Length > 0)
            {
                var reference = method.DeclaringSyntaxReferences[0];
                configureServicesSites.Enqueue(Location.Create(reference.SyntaxTree, reference.Span));
            }
        }
    }
}
