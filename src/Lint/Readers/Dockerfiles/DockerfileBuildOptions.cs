namespace ContainerHealth.Lint;

/// <summary>
/// What <c>docker build</c> would be told besides the file: <c>--build-arg NAME=VALUE</c>, <c>--target STAGE</c>, and the
/// platform (for the automatic TARGETOS/TARGETARCH/... arguments; default linux/amd64).
/// </summary>
public sealed record DockerfileBuildOptions
{
    public static readonly DockerfileBuildOptions Default = new();

    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Target { get; init; }

    /// <summary>os/arch[/variant], e.g. linux/arm64.</summary>
    public string Platform { get; init; } = "linux/amd64";

    /// <summary>BuildKit's automatic platform arguments, for FROM lines and any stage that declares them.</summary>
    public IReadOnlyDictionary<string, string> PlatformArguments()
    {
        var parts = Platform.Split('/');
        var os = parts[0];
        var arch = parts.Length > 1 ? parts[1] : "amd64";
        var variant = parts.Length > 2 ? parts[2] : "";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TARGETPLATFORM"] = Platform,
            ["TARGETOS"] = os,
            ["TARGETARCH"] = arch,
            ["TARGETVARIANT"] = variant,
            ["BUILDPLATFORM"] = Platform,
            ["BUILDOS"] = os,
            ["BUILDARCH"] = arch,
            ["BUILDVARIANT"] = variant,
        };
    }
}
