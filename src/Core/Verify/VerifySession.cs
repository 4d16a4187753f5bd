namespace ContainerHealth.Verify;

/// <summary>
/// The engine and the image for one or more verifies: finds the engine, brings the image in, and on dispose removes what
/// the session loaded. Failing either is an <see cref="ImageUnavailableException"/> (CH1015).
/// </summary>
public sealed class VerifySession : IAsyncDisposable
{
    private VerifySession(ContainerEngine engine, EngineImage image)
    {
        Engine = engine;
        Image = image;
    }

    public ContainerEngine Engine { get; }

    public EngineImage Image { get; }

    /// <param name="preferredEngine">docker, podman (the SDK's LocalRegistry, <c>--engine</c>), or empty for the first that answers.</param>
    public static async Task<ContainerEngine> FindEngineAsync(string? preferredEngine, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        return await ContainerEngine.FindAsync(preferredEngine, tried, cancellationToken)
            ?? throw new ImageUnavailableException($"no container engine answered ({string.Join("; ", tried)})");
    }

    /// <param name="platform">For a multi-platform image, the one to run, e.g. linux/amd64; null for the engine's default.</param>
    public static async Task<VerifySession> OpenAsync(ContainerEngine engine, string image, ImageLocation location, string? platform, CancellationToken cancellationToken)
    {
        var prepared = await EngineImage.PrepareAsync(engine, image, location, platform, cancellationToken);
        return new VerifySession(engine, prepared);
    }

    public Task<VerifyOutcome> VerifyAsync(VerifyCheck check, VerifyOptions options, CancellationToken cancellationToken) =>
        new HealthVerifier(Engine).VerifyAsync(Image.Reference, check, options, cancellationToken);

    public async ValueTask DisposeAsync() => await Image.ReleaseAsync(Engine);
}
