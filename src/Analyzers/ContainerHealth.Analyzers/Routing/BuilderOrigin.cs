using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

internal enum OriginKind
{
    /// <summary>The app itself (WebApplication, UseEndpoints' builder, Configure's IApplicationBuilder).</summary>
    Root,

    /// <summary>A builder parameter of a method in this compilation: relative to what its callers pass.</summary>
    Parameter,

    /// <summary>A builder whose prefix cannot be known (non-constant MapGroup, a field of unknown origin).</summary>
    Unknown,
}

/// <summary>Where a route builder comes from: its base, the MapGroup prefix on top of it, and the group's conventions.</summary>
internal sealed class BuilderOrigin
{
    public static readonly BuilderOrigin Root = new(OriginKind.Root, null, "/", EndpointConventions.None);
    public static readonly BuilderOrigin Unknown = new(OriginKind.Unknown, null, "/", EndpointConventions.None);

    public BuilderOrigin(OriginKind kind, BuilderParameter? parameter, string prefix, EndpointConventions conventions)
    {
        Kind = kind;
        Parameter = parameter;
        Prefix = prefix;
        Conventions = conventions;
    }

    public OriginKind Kind { get; }

    public BuilderParameter? Parameter { get; }

    public string Prefix { get; }

    public EndpointConventions Conventions { get; }

    public static BuilderOrigin For(BuilderParameter parameter) => new(OriginKind.Parameter, parameter, "/", EndpointConventions.None);

    public BuilderOrigin WithPrefix(string? prefix) =>
        Kind == OriginKind.Unknown ? this
        : prefix is null ? Unknown
        : new(Kind, Parameter, RoutePath.Combine(Prefix, prefix), Conventions);

    public BuilderOrigin WithConventions(EndpointConventions inner) =>
        Kind == OriginKind.Unknown ? this : new(Kind, Parameter, Prefix, inner.Within(Conventions));

    /// <summary>This origin, relative to a parameter, placed under what a caller passed for that parameter.</summary>
    public BuilderOrigin Under(BuilderOrigin caller) =>
        caller.Kind == OriginKind.Unknown ? Unknown
        : new(caller.Kind, caller.Parameter, RoutePath.Combine(caller.Prefix, Prefix), Conventions.Within(caller.Conventions));
}

/// <summary>
/// A method's route-builder parameter, keyed by the method's definition and the parameter's position.
/// A class, not a struct: collections of a struct are generic instantiations the JIT compiles afresh in every
/// compiler process (the analyzer's cost is mostly first-run JIT on a fresh csc).
/// </summary>
internal sealed class BuilderParameter : System.IEquatable<BuilderParameter>
{
    public BuilderParameter(IMethodSymbol method, int ordinal)
    {
        Method = method.OriginalDefinition;
        Ordinal = ordinal;
    }

    public IMethodSymbol Method { get; }

    public int Ordinal { get; }

    public bool Equals(BuilderParameter? other) =>
        other is not null && Ordinal == other.Ordinal && SymbolEqualityComparer.Default.Equals(Method, other.Method);

    public override bool Equals(object? obj) => obj is BuilderParameter other && Equals(other);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Method) * 31 + Ordinal;
}
