using System;
using System.Collections.Concurrent;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

[Flags]
internal enum BuilderRoles
{
    None = 0,
    EndpointRouteBuilder = 1,
    ApplicationBuilder = 2,
    HostApplicationBuilder = 4,
    ServiceCollection = 8,
}

/// <summary>Which builder interfaces a type implements, cached per compilation: most argument types are of none.</summary>
internal sealed class BuilderRoleCache
{
    private readonly WellKnownTypes types;
    private readonly ConcurrentDictionary<ITypeSymbol, BuilderRoles> roles = new(SymbolEqualityComparer.Default);

    public BuilderRoleCache(WellKnownTypes types)
    {
        this.types = types;
    }

    public bool IsRouteBuilder(ITypeSymbol type) => (Of(type) & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) != 0;

    /// <summary>
    /// The builder roles of a method's parameters, read from the symbol before touching invocation.Arguments: the
    /// argument operations are built lazily, and nearly every call has no builder parameter at all.
    /// </summary>
    public BuilderRoles OfParameters(IMethodSymbol method)
    {
        var found = BuilderRoles.None;
        foreach (var parameter in method.Parameters)
        {
            found |= Of(parameter.Type);
        }

        return found;
    }

    public BuilderRoles Of(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            // AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
            var constrained = BuilderRoles.None;
            foreach (var constraint in parameter.ConstraintTypes)
            {
                constrained |= Of(constraint);
            }

            return constrained;
        }

        return type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Interface or TypeKind.Class)
            ? BuilderRoles.None
            : roles.GetOrAdd(type, candidate =>
                (WellKnownTypes.Implements(candidate, types.EndpointRouteBuilder) ? BuilderRoles.EndpointRouteBuilder : BuilderRoles.None)
                | (WellKnownTypes.Implements(candidate, types.ApplicationBuilder) ? BuilderRoles.ApplicationBuilder : BuilderRoles.None)
                | (WellKnownTypes.Implements(candidate, types.HostApplicationBuilder) ? BuilderRoles.HostApplicationBuilder : BuilderRoles.None)
                | (WellKnownTypes.Implements(candidate, types.ServiceCollection) ? BuilderRoles.ServiceCollection : BuilderRoles.None));
    }
}
