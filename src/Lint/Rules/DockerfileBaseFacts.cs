using ContainerHealth.Inspection;

namespace ContainerHealth.Lint;

/// <summary>The facts of bases that are not images: <c>FROM scratch</c> is empty, so whatever a check needs, the Dockerfile adds.</summary>
public static class DockerfileBaseFacts
{
    public static readonly ImageFacts Scratch = new()
    {
        Image = "scratch",
        Platform = "",
        Source = FactsSource.Layers,
        HasShell = false,
        Files = new Lazy<ImageFileSystem?>(() => ImageFileSystem.FromEntries([])),
    };
}
