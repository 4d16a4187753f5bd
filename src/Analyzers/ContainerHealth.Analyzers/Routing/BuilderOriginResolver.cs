using System.Collections.Generic;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Where the builder a mapping is called on comes from: the app (Root), a MapGroup prefix on top of another builder, a
/// builder parameter of a method of this compilation (resolved through its callers at compilation end), or unknown.
/// </summary>
internal sealed class BuilderOriginResolver
{
    private const int MaxDepth = 16;

    private readonly WellKnownTypes types;
    private readonly BuilderRoleCache roles;
    private readonly EndpointConventionReader conventions;

    public BuilderOriginResolver(WellKnownTypes types, BuilderRoleCache roles, EndpointConventionReader conventions)
    {
        this.types = types;
        this.roles = roles;
        this.conventions = conventions;
    }

    public BuilderOrigin Resolve(IOperation? value) => Resolve(value, 0);

    /// <summary>What the calls of this compilation's methods pass for each builder parameter.</summary>
    public static Dictionary<BuilderParameter, List<BuilderOrigin>> Callers(IEnumerable<SourceCall> calls)
    {
        var callers = new Dictionary<BuilderParameter, List<BuilderOrigin>>();
        foreach (var call in calls)
        {
            for (var ordinal = 0; ordinal < call.Builders.Length; ordinal++)
            {
                if (call.Builders[ordinal] is not { } origin)
                {
                    continue;
                }

                var parameter = new BuilderParameter(call.Method, ordinal);
                if (!callers.TryGetValue(parameter, out var passed))
                {
                    callers.Add(parameter, passed = new List<BuilderOrigin>());
                }

                passed.Add(origin);
            }
        }

        return callers;
    }

    /// <summary>At compilation end: a parameter origin placed under everything its callers pass (the app root when nobody calls).</summary>
    public static List<BuilderOrigin> ThroughCallers(BuilderOrigin origin, Dictionary<BuilderParameter, List<BuilderOrigin>> callers) =>
        ThroughCallers(origin, callers, new List<BuilderParameter>());

    private static List<BuilderOrigin> ThroughCallers(BuilderOrigin origin, Dictionary<BuilderParameter, List<BuilderOrigin>> callers, List<BuilderParameter> visiting)
    {
        if (origin.Kind != OriginKind.Parameter)
        {
            return new List<BuilderOrigin> { origin };
        }

        var parameter = origin.Parameter!;
        if (visiting.Contains(parameter) || visiting.Count > MaxDepth)
        {
            return new List<BuilderOrigin> { BuilderOrigin.Unknown };
        }

        // A builder method nobody in this compilation calls is invoked by the framework (or not at all): the app root.
        if (!callers.TryGetValue(parameter, out var passed))
        {
            return new List<BuilderOrigin> { origin.Under(BuilderOrigin.Root) };
        }

        var placed = new List<BuilderOrigin>();
        visiting.Add(parameter);
        foreach (var caller in passed)
        {
            foreach (var resolved in ThroughCallers(caller, callers, visiting))
            {
                placed.Add(origin.Under(resolved));
            }
        }

        visiting.RemoveAt(visiting.Count - 1);
        return placed;
    }

    private BuilderOrigin Resolve(IOperation? value, int depth)
    {
        value = value.Unwrap();
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
                return Resolve(group.ThisArgument(), depth + 1).WithPrefix(group.Argument("prefix").ConstantString());
            case IInvocationOperation call when EndpointConventionReader.IsConventionCall(call):
                return Resolve(call.ThisArgument(), depth + 1).WithConventions(conventions.Apply(call, EndpointConventions.None));
            case ILocalReferenceOperation local:
                return ResolveLocal(local.Local, local, depth + 1);
            case IParameterReferenceOperation { Parameter: var parameter }:
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
                {
                    return LambdaBranch(lambda);
                }

                return parameter.ContainingSymbol is IMethodSymbol method && roles.IsRouteBuilder(parameter.Type)
                    ? BuilderOrigin.For(new BuilderParameter(method, parameter.Ordinal))
                    : BuilderOrigin.Unknown;
            default:
                return WellKnownTypes.Implements(value.Type, types.ApplicationBuilder) && !WellKnownTypes.Implements(value.Type, types.EndpointRouteBuilder)
                    ? BuilderOrigin.Root
                    : BuilderOrigin.Unknown;
        }
    }

    /// <summary>
    /// The builder a lambda is handed: app.Map("/prefix", branch => ...) runs the branch under the prefix (the
    /// request's PathBase); UseEndpoints(endpoints => ...) and the like hand the app's root.
    /// </summary>
    private static BuilderOrigin LambdaBranch(IMethodSymbol lambda)
    {
        foreach (var reference in lambda.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax
                {
                    Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    {
                        Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Map" },
                        ArgumentList.Arguments: { Count: 2 } arguments,
                    },
                }
                && arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal
                && literal.Token.Value is string prefix)
            {
                return BuilderOrigin.Root.WithPrefix(prefix);
            }
        }

        return BuilderOrigin.Root;
    }

    /// <summary>
    /// A local builder: what initialized it, with the conventions applied to it later. Found by walking the body the
    /// reference sits in (the operation tree is already built; asking the semantic model would bind again), and not
    /// cached: a shared per-compilation cache cost more in lock contention than walking one method body.
    /// </summary>
    private BuilderOrigin ResolveLocal(ILocalSymbol local, IOperation reference, int depth)
    {
        var body = reference.Root();
        foreach (var operation in body.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return declarator.Initializer?.Value is { } initializer
                    ? Resolve(initializer, depth).WithConventions(conventions.OfLocal(local, body))
                    : BuilderOrigin.Unknown;
            }
        }

        return BuilderOrigin.Unknown;
    }
}
