namespace ContainerHealth.TestBed.Publishing;

/// <summary>The outcome of a real <c>dotnet publish -t:PublishContainer</c>.</summary>
public sealed record ContainerPublishResult(
    ProcessResult Build,
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    string? ImageReference,
    string? ArchivePath,
    TimeSpan Duration)
{
    public bool Succeeded => Build.ExitCode == 0;

    public IEnumerable<BuildDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<BuildDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>The codes in output order, e.g. <c>["CH1001", "CONTAINER2013"]</c>.</summary>
    public IReadOnlyList<string> Codes => [.. Diagnostics.Select(d => d.Code)];

    public ContainerPublishResult EnsureSuccess()
    {
        Build.EnsureSuccess();
        return this;
    }
}
