using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Collects, concurrently and per compilation, where the app maps endpoints, registers health checks and sets an
/// authorization fallback policy; <see cref="Build"/> resolves builder origins into absolute paths at compilation end.
/// </summary>
internal sealed class EndpointMapCollector
{
    private const int MaxDepth = 16;

    private readonly WellKnownTypes types;
    private readonly IAssemblySymbol assembly;
    private readonly ConcurrentQueue<MappedEndpoint> endpoints = new();
    private readonly ConcurrentQueue<BuilderOrigin> controllerMappings = new();
    private readonly ConcurrentQueue<MappedEndpoint> controllerActions = new();
    private readonly ConcurrentQueue<KeyValuePair<BuilderParameter, BuilderOrigin>> calls = new();
    private readonly ConcurrentQueue<AppSite> sites = new();
    private readonly ConcurrentQueue<Location> configureServicesSites = new();
    private readonly ConcurrentQueue<Location> fallbackPolicySites = new();
    private readonly ConcurrentDictionary<ILocalSymbol, BuilderOrigin> localOrigins = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ILocalSymbol, EndpointConventions> localConventions = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, BuilderRoles> roles = new(SymbolEqualityComparer.Default);
    private readonly ControllerRouteReader controllers;
    private int healthChecksRegistered;

    public EndpointMapCollector(WellKnownTypes types, Compilation compilation)
    {
        this.types = types;
        assembly = compilation.Assembly;
        controllers = new ControllerRouteReader(types);
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    public EndpointMap Build()
    {
        var mapped = endpoints.ToList();
        foreach (var mapping in controllerMappings)
        {
            foreach (var action in controllerActions)
            {
                mapped.Add(new MappedEndpoint(action.Kind, mapping, action.Template, action.Conventions, action.Location, null));
            }
        }

        var callers = calls.ToLookup(call => call.Key, call => call.Value);
        var resolved = ImmutableArray.CreateBuilder<ResolvedEndpoint>();
        foreach (var endpoint in mapped)
        {
            foreach (var origin in Resolve(endpoint.Origin, callers, ImmutableHashSet<BuilderParameter>.Empty))
            {
                var path = origin.Kind == OriginKind.Root && endpoint.Template is not null
                    ? RoutePath.Combine(origin.Prefix, endpoint.Template)
                    : null;
                resolved.Add(new ResolvedEndpoint(endpoint, path, endpoint.Conventions.Within(origin.Conventions)));
            }
        }

        return new EndpointMap(
            resolved.ToImmutable(),
            sites.ToImmutableArray(),
            configureServicesSites.Distinct().ToImmutableArray(),
            Volatile.Read(ref healthChecksRegistered) != 0,
            fallbackPolicySites.ToImmutableArray());
    }

    private static IEnumerable<BuilderOrigin> Resolve(BuilderOrigin origin, ILookup<BuilderParameter, BuilderOrigin> callers, ImmutableHashSet<BuilderParameter> visiting)
    {
        if (origin.Kind != OriginKind.Parameter)
        {
            yield return origin;
            yield break;
        }

        var parameter = origin.Parameter!.Value;
        if (visiting.Contains(parameter) || visiting.Count > MaxDepth)
        {
            yield return BuilderOrigin.Unknown;
            yield break;
        }

        // A builder method nobody in this compilation calls is invoked by the framework (or not at all): the app root.
        if (!callers.Contains(parameter))
        {
            yield return origin.Under(BuilderOrigin.Root);
            yield break;
        }

        foreach (var caller in callers[parameter])
        {
            foreach (var resolved in Resolve(caller, callers, visiting.Add(parameter)))
            {
                yield return origin.Under(resolved);
            }
        }
    }

    private void AnalyzeType(SymbolAnalysisContext context)
    {
        if (context.Symbol is INamedTypeSymbol type)
        {
            foreach (var action in controllers.ReadActions(type))
            {
                controllerActions.Enqueue(action);
            }
        }
    }

    private void AnalyzeAssignment(OperationAnalysisContext context)
    {
        if (context.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FallbackPolicy" } target } assignment
            && WellKnownTypes.Is(target.Property.ContainingType, types.AuthorizationOptions)
            && !IsNull(assignment.Value))
        {
            fallbackPolicySites.Enqueue(assignment.Syntax.GetLocation());
        }
    }

    private void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, assembly))
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
                RecordConfigureServices(context);
                break;
            case "UseHealthChecks" when WellKnownTypes.Is(containing, types.HealthCheckApplicationBuilderExtensions):
                AddEndpoint(EndpointKind.HealthChecksMiddleware, invocation, "path");
                RecordConfigureServices(context);
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
                if (MayAnswerGet(Argument(invocation, "httpMethods")))
                {
                    AddEndpoint(EndpointKind.Get, invocation, "pattern");
                }

                break;
            case "MapControllers" when WellKnownTypes.Is(containing, types.ControllerEndpointRouteBuilderExtensions):
                var (conventions, _) = ConventionsAbove(invocation);
                controllerMappings.Enqueue(ResolveOrigin(ThisArgument(invocation), 0).WithConventions(conventions));
                break;
            case "MapFallback" or "MapFallbackToFile" or "MapFallbackToPage" or "MapFallbackToController" or "MapFallbackToAreaPage"
                or "MapFallbackToAreaController" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute"
                or "MapDynamicControllerRoute" or "MapDynamicPageRoute"
                when containing.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder":
                AddEndpoint(EndpointKind.AnyPath, invocation, null);
                break;
            case "Run" when WellKnownTypes.Is(containing, types.RunExtensions):
            case "MapWhen" when WellKnownTypes.Is(containing, types.MapWhenExtensions):
                AddEndpoint(EndpointKind.AnyPath, invocation, null);
                break;
            case "AddHealthChecks" when WellKnownTypes.Is(containing, types.HealthCheckServiceCollectionExtensions):
                Interlocked.Exchange(ref healthChecksRegistered, 1);
                break;
            case "SetFallbackPolicy" when WellKnownTypes.Is(containing, types.AuthorizationBuilder):
                if (Argument(invocation, "policy") is { } policy && !IsNull(policy))
                {
                    fallbackPolicySites.Enqueue(invocation.Syntax.GetLocation());
                }

                break;
            case "Build" when WellKnownTypes.Is(containing, types.WebApplicationBuilder):
                sites.Enqueue(new AppSite(AppSiteKind.WebApplicationBuild, invocation.Syntax.GetLocation()));
                break;
            case "Build" when WellKnownTypes.Implements(containing, types.HostBuilder) || WellKnownTypes.Implements(containing, types.WebHostBuilder):
                sites.Enqueue(new AppSite(AppSiteKind.HostBuild, invocation.Syntax.GetLocation()));
                break;
            case "UseEndpoints" when WellKnownTypes.Is(containing, types.EndpointRoutingApplicationBuilderExtensions):
                sites.Enqueue(new AppSite(AppSiteKind.UseEndpoints, invocation.Syntax.GetLocation()));
                RecordConfigureServices(context);
                break;
        }
    }

    private void AddEndpoint(EndpointKind kind, IInvocationOperation invocation, string? templateParameter)
    {
        var template = templateParameter is null ? "/" : ConstantString(Argument(invocation, templateParameter));
        var origin = ResolveOrigin(ThisArgument(invocation), 0);
        var (conventions, top) = ConventionsAbove(invocation);
        endpoints.Enqueue(new MappedEndpoint(kind, origin, template, conventions, invocation.Syntax.GetLocation(), top.Syntax.GetLocation()));
    }

    /// <summary>A call to a method of this compilation that takes a route builder: remember what it passes.</summary>
    private void RecordSourceCall(IInvocationOperation invocation)
    {
        if ((ParameterRoles(invocation.TargetMethod) & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) == 0)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsRouteBuilder(parameter.Type))
            {
                calls.Enqueue(new KeyValuePair<BuilderParameter, BuilderOrigin>(
                    new BuilderParameter(invocation.TargetMethod, parameter.Ordinal),
                    ResolveOrigin(argument.Value, 0)));
            }
        }
    }

    /// <summary>
    /// A library method (say .NET Aspire's MapDefaultEndpoints / AddServiceDefaults) handed the app's route builder may map
    /// any path, and one handed the whole host builder may call AddHealthChecks(): neither can be seen from here.
    /// </summary>
    private void RecordLibraryCall(IInvocationOperation invocation)
    {
        if ((ParameterRoles(invocation.TargetMethod) & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.HostApplicationBuilder)) == 0)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (IsEndpointRouteBuilder(parameter.Type))
            {
                endpoints.Enqueue(new MappedEndpoint(EndpointKind.AnyPath, BuilderOrigin.Unknown, null, EndpointConventions.None, invocation.Syntax.GetLocation(), null));
            }
            else if (IsHostApplicationBuilder(parameter.Type))
            {
                Interlocked.Exchange(ref healthChecksRegistered, 1);
            }
        }
    }

    private void RecordConfigureServices(OperationAnalysisContext context)
    {
        var type = context.ContainingSymbol.ContainingType;
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

    private BuilderOrigin ResolveOrigin(IOperation? value, int depth)
    {
        value = Unwrap(value);
        if (value is null || depth > MaxDepth)
        {
            return BuilderOrigin.Unknown;
        }

        // WebApplication is sealed: equality is enough.
        if (WellKnownTypes.Is(value.Type, types.WebApplication))
        {
            return BuilderOrigin.Root;
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "MapGroup" } group when WellKnownTypes.Is(group.TargetMethod.ContainingType, types.EndpointRouteBuilderExtensions):
                return ResolveOrigin(ThisArgument(group), depth + 1).WithPrefix(ConstantString(Argument(group, "prefix")));
            case IInvocationOperation call when IsConventionCall(call):
                return ResolveOrigin(ThisArgument(call), depth + 1).WithConventions(ApplyConvention(call, EndpointConventions.None));
            case ILocalReferenceOperation local:
                return localOrigins.GetOrAdd(local.Local, symbol => ResolveLocal(symbol, local, depth + 1));
            case IParameterReferenceOperation { Parameter: var parameter }:
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
                {
                    return BuilderOrigin.Root;
                }

                return parameter.ContainingSymbol is IMethodSymbol method && IsRouteBuilder(parameter.Type)
                    ? BuilderOrigin.For(new BuilderParameter(method, parameter.Ordinal))
                    : BuilderOrigin.Unknown;
            default:
                return WellKnownTypes.Implements(value.Type, types.ApplicationBuilder) && !WellKnownTypes.Implements(value.Type, types.EndpointRouteBuilder)
                    ? BuilderOrigin.Root
                    : BuilderOrigin.Unknown;
        }
    }

    private BuilderOrigin ResolveLocal(ILocalSymbol local, IOperation reference, int depth)
    {
        var model = reference.SemanticModel;
        if (model is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return BuilderOrigin.Unknown;
        }

        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declarator.SyntaxTree != model.SyntaxTree
            || model.GetOperation(declarator) is not IVariableDeclaratorOperation { Initializer.Value: { } initializer })
        {
            return BuilderOrigin.Unknown;
        }

        return ResolveOrigin(initializer, depth).WithConventions(LocalConventions(local, reference));
    }

    /// <summary>Conventions applied to an endpoint by the calls chained on it (or on the local it is stored in).</summary>
    private (EndpointConventions Conventions, IOperation Top) ConventionsAbove(IInvocationOperation invocation)
    {
        var conventions = EndpointConventions.None;
        IOperation top = invocation;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation next } && IsConventionCall(next))
            {
                conventions = ApplyConvention(next, conventions);
                top = next;
                continue;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                var stored = LocalConventions(declarator.Symbol, declarator);
                conventions = stored.Within(conventions);
            }

            break;
        }

        return (conventions, top);
    }

    private EndpointConventions LocalConventions(ILocalSymbol local, IOperation anywhereInBody) =>
        localConventions.GetOrAdd(local, symbol =>
        {
            var root = anywhereInBody;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var conventions = EndpointConventions.None;
            foreach (var call in root.Descendants().OfType<IInvocationOperation>())
            {
                if (IsConventionCall(call)
                    && Unwrap(ThisArgument(call)) is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, symbol))
                {
                    conventions = ApplyConvention(call, conventions);
                }
            }

            return conventions;
        });

    private EndpointConventions ApplyConvention(IInvocationOperation call, EndpointConventions conventions)
    {
        var containing = call.TargetMethod.ContainingType;
        switch (call.TargetMethod.Name)
        {
            case "RequireAuthorization" when WellKnownTypes.Is(containing, types.AuthorizationEndpointConventionBuilderExtensions):
                return conventions.WithAuthorization(call.Syntax.GetLocation(), "RequireAuthorization");
            case "AllowAnonymous" when WellKnownTypes.Is(containing, types.AuthorizationEndpointConventionBuilderExtensions):
                return conventions.WithAnonymous();
            case "RequireHost" when WellKnownTypes.Is(containing, types.RoutingEndpointConventionBuilderExtensions):
                return conventions.WithHosts(new HostRestriction(ConstantStrings(Argument(call, "hosts")), call.Syntax.GetLocation()));
            case "WithMetadata" when WellKnownTypes.Is(containing, types.RoutingEndpointConventionBuilderExtensions):
                foreach (var item in Elements(Argument(call, "items")))
                {
                    if (Unwrap(item) is IObjectCreationOperation creation)
                    {
                        if (WellKnownTypes.Implements(creation.Type, types.AllowAnonymous))
                        {
                            conventions = conventions.WithAnonymous();
                        }
                        else if (WellKnownTypes.Implements(creation.Type, types.AuthorizeData))
                        {
                            conventions = conventions.WithAuthorization(call.Syntax.GetLocation(), "WithMetadata(new AuthorizeAttribute())");
                        }
                    }
                }

                return conventions;
            default:
                return conventions;
        }
    }

    /// <summary>An extension call that hands back the builder it was called on (RequireAuthorization, WithName, UseRouting, ...).</summary>
    private static bool IsConventionCall(IInvocationOperation call) =>
        call.TargetMethod.IsExtensionMethod
        && call.Arguments.Length > 0
        && call.Arguments[0].Parameter is { Ordinal: 0 } parameter
        && call.Type is not null
        && SymbolEqualityComparer.Default.Equals(call.Type, parameter.Type);

    private bool IsEndpointRouteBuilder(ITypeSymbol type) => (RolesOf(type) & BuilderRoles.EndpointRouteBuilder) != 0;

    private bool IsRouteBuilder(ITypeSymbol type) => (RolesOf(type) & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) != 0;

    private bool IsHostApplicationBuilder(ITypeSymbol type) => (RolesOf(type) & BuilderRoles.HostApplicationBuilder) != 0;

    /// <summary>
    /// The builder roles of a method's parameters, read from the symbol before touching invocation.Arguments: the
    /// argument operations are built lazily, and nearly every call has no builder parameter at all.
    /// </summary>
    private BuilderRoles ParameterRoles(IMethodSymbol method)
    {
        var found = BuilderRoles.None;
        foreach (var parameter in method.Parameters)
        {
            found |= RolesOf(parameter.Type);
        }

        return found;
    }

    /// <summary>Which builder interfaces a parameter type implements, cached: most arguments are of none.</summary>
    private BuilderRoles RolesOf(ITypeSymbol type) =>
        type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Interface or TypeKind.Class)
            ? BuilderRoles.None
            : roles.GetOrAdd(type, candidate =>
                (WellKnownTypes.Implements(candidate, types.EndpointRouteBuilder) ? BuilderRoles.EndpointRouteBuilder : BuilderRoles.None)
                | (WellKnownTypes.Implements(candidate, types.ApplicationBuilder) ? BuilderRoles.ApplicationBuilder : BuilderRoles.None)
                | (WellKnownTypes.Implements(candidate, types.HostApplicationBuilder) ? BuilderRoles.HostApplicationBuilder : BuilderRoles.None));

    [Flags]
    private enum BuilderRoles
    {
        None = 0,
        EndpointRouteBuilder = 1,
        ApplicationBuilder = 2,
        HostApplicationBuilder = 4,
    }

    private bool MayAnswerGet(IOperation? httpMethods)
    {
        var methods = ConstantStrings(httpMethods);
        if (methods.IsDefault)
        {
            return true;
        }

        return methods.Any(method => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase));
    }

    private ImmutableArray<string> ConstantStrings(IOperation? value)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        var elements = Elements(value);
        if (elements.IsDefault)
        {
            return default;
        }

        foreach (var element in elements)
        {
            var text = ConstantString(element) ?? HttpMethodField(element);
            if (text is null)
            {
                return default;
            }

            builder.Add(text);
        }

        return builder.ToImmutable();
    }

    /// <summary>HttpMethods.Get and friends are static readonly, not const: read the field name.</summary>
    private string? HttpMethodField(IOperation? value) =>
        Unwrap(value) is IFieldReferenceOperation { Field: var field } && WellKnownTypes.Is(field.ContainingType, types.HttpMethods)
            ? field.Name.ToUpperInvariant()
            : null;

    private static ImmutableArray<IOperation> Elements(IOperation? value) =>
        Unwrap(value) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => default,
        };

    private static IOperation? ThisArgument(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 0)?.Value
            : null);

    private static IOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    private static string? ConstantString(IOperation? value)
    {
        value = Unwrap(value);
        if (value is IObjectCreationOperation { Arguments.Length: 1 } creation)
        {
            value = Unwrap(creation.Arguments[0].Value);
        }

        return value is { ConstantValue: { HasValue: true, Value: string text } } ? text : null;
    }

    private static bool IsNull(IOperation value) =>
        Unwrap(value) is { ConstantValue: { HasValue: true, Value: null } };

    private static IOperation? Unwrap(IOperation? value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion when conversion.ConstantValue is not { HasValue: true }:
                    value = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    break;
                default:
                    return value;
            }
        }
    }
}
