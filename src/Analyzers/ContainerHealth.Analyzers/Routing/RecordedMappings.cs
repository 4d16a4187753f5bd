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

/// <summary>What a call of this compilation's method passes for one of its builder parameters.</summary>
internal sealed class PassedBuilder
{
    public PassedBuilder(BuilderParameter parameter, BuilderOrigin origin)
    {
        Parameter = parameter;
        Origin = origin;
    }

    public BuilderParameter Parameter { get; }

    public BuilderOrigin Origin { get; }
}
