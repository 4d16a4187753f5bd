namespace ContainerHealth.TestBed.Containers;

/// <summary>Overrides for a container run; unset values come from the image config, as with <c>docker run</c>.</summary>
public sealed record ContainerRunOptions
{
    /// <summary><c>docker run --name</c>; by default a unique name.</summary>
    public string? Name { get; init; }

    /// <summary>Replaces the image's Entrypoint (and drops its Cmd), like <c>docker run --entrypoint</c>.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Replaces the image's Cmd, like the arguments after the image in <c>docker run IMAGE ARGS</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Extra <c>NAME=value</c> variables, after the image's Env (later wins).</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary><c>uid</c> or <c>uid:gid</c>.</summary>
    public string? User { get; init; }

    /// <summary>
    /// <c>docker run --health-*</c>: a non-empty Test replaces the image's (<c>CMD-SHELL</c> or <c>NONE</c>: the CLI has no
    /// exec form), and each non-zero timing replaces the image's, the way the daemon merges them.
    /// </summary>
    public HealthcheckConfig? HealthCheck { get; init; }

    /// <summary>Extra arguments for <c>docker run</c> before the image, e.g. <c>--read-only</c>.</summary>
    public IReadOnlyList<string> RunArguments { get; init; } = [];
}
