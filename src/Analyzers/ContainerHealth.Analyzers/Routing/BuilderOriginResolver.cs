using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    private readonly ConcurrentDictionary<ILocalSymbol, BuilderOrigin> localOrigins = new(SymbolEqualityComparer.Default);

    public BuilderOriginResolver(WellKnownTypes types, BuilderRoleCache roles, EndpointConventionReader conventions)
    {
        this.types = types;
        this.roles = roles;
        this.conventions = conventions;
    }

    public BuilderOrigin Resolve(IOperation? value) => Resolve(value, 0);

    /// <summary>At compilation end: a parameter origin placed under everything its callers pass (the app root when nobody calls).</summary>
    public static IEnumerable<BuilderOrigin> ThroughCallers(BuilderOrigin origin, ILookup<BuilderParameter, BuilderOrigin> callers) =>
        ThroughCallers(origin, callers, ImmutableHashSet<BuilderParameter>.Empty);

    private static IEnumerable<BuilderOrigin> ThroughCallers(BuilderOrigin origin, ILookup<BuilderParameter, BuilderOrigin> callers, ImmutableHashSet<BuilderParameter> visiting)
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
            foreach (var resolved in ThroughCallers(caller, callers, visiting.Add(parameter)))
            {
                yield return origin.Under(resolved);
            }
        }
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
                return localOrigins.GetOrAdd(local.Local, symbol => ResolveLocal(symbol, local, depth + 1));
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

        return Resolve(initializer, depth).WithConventions(conventions.OfLocal(local, reference));
    }
}
