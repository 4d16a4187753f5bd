using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>A MapControllers() or MapRazorPages() call: the builder it was called on, and where.</summary>
internal sealed class ControllerMapping
{
    public ControllerMapping(BuilderOrigin origin, Location location)
    {
        Origin = origin;
        Location = location;
    }

    public BuilderOrigin Origin { get; }

    public Location Location { get; }
}

/// <summary>
/// A call of this compilation's method that takes a route builder: what it passes for each builder parameter (where its
/// mappings go) and, when the method takes strings, the constant passed for each (a route wrapper's pattern).
/// </summary>
internal sealed class SourceCall
{
    public SourceCall(IMethodSymbol method, BuilderOrigin?[] builders, string?[]? strings)
    {
        Method = method.OriginalDefinition;
        Builders = builders;
        Strings = strings;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The origin passed for each route-builder parameter; null at the other parameters.</summary>
    public BuilderOrigin?[] Builders { get; }

    /// <summary>The constant passed for each string parameter (the default value where the call omits it); null otherwise, or no array when it takes no string.</summary>
    public string?[]? Strings { get; }
}
