namespace ContainerHealth.TestBed.Registry.Faults;

/// <summary>A request that reached <see cref="FaultProxy"/>, and what became of it.</summary>
public sealed record ProxiedRequest(string Method, string Path, string UserAgent, bool OverTls)
{
    /// <summary>The status the client got, or the fault's name when it got none; null while in flight.</summary>
    public string? Outcome { get; internal set; }

    /// <summary>ContainerHealth's own client (its User-Agent), as opposed to the SDK, skopeo or a test's HttpClient.</summary>
    public bool FromContainerHealth => UserAgent.StartsWith("ContainerHealth", StringComparison.Ordinal);

    /// <summary>The .NET SDK's container library.</summary>
    public bool FromSdk => UserAgent.Contains(".NET Container Library", StringComparison.Ordinal);

    public bool IsBlobUpload => Path.Contains("/blobs/uploads/", StringComparison.Ordinal);

    public bool IsManifest => Path.Contains("/manifests/", StringComparison.Ordinal);

    /// <summary>A manifest PUT under a tag (not a digest).</summary>
    public bool IsTagPut => Method == "PUT" && IsManifest && !Path.Contains("/manifests/sha256:", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path} [{UserAgent}] → {Outcome ?? "…"}";
}
