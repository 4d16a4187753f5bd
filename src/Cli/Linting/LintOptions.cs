using ContainerHealth.Lint;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Linting;

/// <summary>The lint command line once checked: every value here is valid (a bad one is a usage error, exit 2).</summary>
public sealed record LintOptions
{
    public Platform? Platform { get; init; }

    /// <summary><c>--port</c>: explicit, so it wins over what the files declare.</summary>
    public int? Port { get; init; }

    /// <summary><c>--path</c>; without it CH1009 is off.</summary>
    public string? Path { get; init; }

    public LintLimits Limits { get; init; } = LintLimits.Default;

    /// <summary><c>-f a -f b</c>: compose files of one project, merged in order as <c>docker compose -f a -f b</c> does.</summary>
    public IReadOnlyList<string> ComposeFiles { get; init; } = [];

    /// <summary><c>--build-arg NAME=VALUE</c>, <c>--target STAGE</c> and the platform, for Dockerfiles.</summary>
    public DockerfileBuildOptions Dockerfile { get; init; } = DockerfileBuildOptions.Default;
}
