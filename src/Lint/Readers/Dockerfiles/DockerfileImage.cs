namespace ContainerHealth.Lint;

/// <summary>
/// What a Dockerfile's final stage makes of its base image, for the rules: the stage that ends the build, the image at
/// the bottom of its chain, the changes its stages make, its HEALTHCHECK (a NONE turns the base image's off), and its
/// working directory.
/// </summary>
public sealed record DockerfileImage(DockerfileStage FinalStage, ImageChanges Changes)
{
    /// <summary>The HEALTHCHECK instruction that decides the image's check (the last one in the chain), if any.</summary>
    public DockerfileInstruction? HealthCheck { get; init; }

    public bool HealthCheckNone { get; init; }

    public string WorkingDirectory { get; init; } = "/";

    /// <summary>The SHELL a shell-form HEALTHCHECK runs with (Docker runs CMD-SHELL with the image's SHELL); null for /bin/sh -c.</summary>
    public IReadOnlyList<string>? Shell { get; init; }

    public DockerfileStage Root => FinalStage.Root;
}
