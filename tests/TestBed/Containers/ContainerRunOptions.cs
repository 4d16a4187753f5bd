namespace ContainerHealth.TestBed.Containers;

/// <summary>Overrides for a container run; unset values come from the image config, as with <c>docker run</c>.</summary>
public sealed record ContainerRunOptions
{
    /// <summary>Replaces the image's Entrypoint (and drops its Cmd), like <c>docker run --entrypoint</c>.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Replaces the image's Cmd, like the arguments after the image in <c>docker run IMAGE ARGS</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Extra <c>NAME=value</c> variables, appended after the image's Env (later wins).</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary><c>uid</c> or <c>uid:gid</c>; names are not resolved.</summary>
    public string? User { get; init; }
}
