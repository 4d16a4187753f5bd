namespace ContainerHealth.TestBed;

/// <summary>Where things are in this repository, found from the running test assembly.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tooling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Tooling.sln not found above {AppContext.BaseDirectory}");
    }
}
