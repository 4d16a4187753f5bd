namespace ContainerHealth.TestBed;

/// <summary>
/// The ContainerHealth .nupkg built from this checkout. Packed once per machine state: test processes running in
/// parallel share it through a lock file, and the SDK's incremental build keeps a repeated pack cheap.
/// </summary>
public static class ContainerHealthPackage
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static string? packagePath;

    public static string FeedDirectory => RepositoryLayout.Path("artifacts", "test-feed");

    public static async Task<string> GetAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            return packagePath ??= await PackAsync();
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<string> PackAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        using var crossProcess = await CrossProcessLock.AcquireAsync(Path.Combine(FeedDirectory, ".pack.lock"));
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", RepositoryLayout.Path("src", "Package", "ContainerHealth.Package.csproj"), "-c", "Release", "-o", FeedDirectory, "-nologo", "-v:q"],
            timeout: TimeSpan.FromMinutes(10));
        result.EnsureSuccess();
        return Directory.GetFiles(FeedDirectory, "ContainerHealth.*.nupkg").Single();
    }
}
