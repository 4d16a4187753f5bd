namespace ContainerHealth.TestBed.Images;

/// <summary>A fixture base image pushed to a test registry.</summary>
public sealed record BaseImage(BaseImageKind Kind, string Registry, string Repository, string Tag)
{
    /// <summary><c>localhost:PORT/chiseled:10.0</c> — what ContainerBaseImage takes.</summary>
    public string Reference => $"{Registry}/{Repository}:{Tag}";

    public override string ToString() => Reference;
}
