using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.TestBed.Publishing;

/// <summary>What <see cref="ContainerPublisher"/> passes to <c>dotnet publish -t:PublishContainer</c>.</summary>
public sealed record ContainerPublishOptions
{
    /// <summary>ContainerBaseImage, e.g. <c>localhost:PORT/chiseled:10.0</c> from <c>BaseImages.PushAsync</c>.</summary>
    public required string BaseImage { get; init; }

    /// <summary>ContainerRegistry to push to; ignored when <see cref="ArchiveDirectory"/> is set; neither: the local engine.</summary>
    public TestRegistry? Registry { get; init; }

    /// <summary>When set, publishes to a tarball in this directory (ContainerArchiveOutputPath) instead of a registry.</summary>
    public string? ArchiveDirectory { get; init; }

    public string Repository { get; init; } = "healthy-sample";

    public string Tag { get; init; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public string? RuntimeIdentifier { get; init; } = "linux-x64";

    public string Configuration { get; init; } = "Release";

    /// <summary>More MSBuild global properties (<c>-p:Name=Value</c>); they win over the ones above.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>More environment variables for dotnet (registry credentials are added from <see cref="Registry"/>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>More command-line switches for dotnet publish, e.g. a file logger with a performance summary.</summary>
    public IReadOnlyList<string> Switches { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
