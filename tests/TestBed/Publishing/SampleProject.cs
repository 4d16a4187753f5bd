using ContainerHealth.TestBed.Leftovers;

namespace ContainerHealth.TestBed.Publishing;

/// <summary>
/// A private temp copy of samples/HealthySample (GET / → text, GET /healthz → 200), so parallel publishes never share
/// obj/ or bin/. It has no Directory.Build.props above it, like a user's project.
/// </summary>
public sealed class SampleProject : IDisposable
{
    private readonly LeftoverRecord record;

    private SampleProject(string directory, LeftoverRecord record)
    {
        Directory = directory;
        this.record = record;
    }

    public const string Name = "HealthySample";

    public static string SourceDirectory => RepositoryLayout.Path("samples", Name);

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static async Task<SampleProject> CopyAsync()
    {
        await LeftoverLedger.EnsureSweptAsync();
        var id = "sample-" + Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine(Path.GetTempPath(), "ch-" + id);
        var record = new LeftoverRecord(id, ProcessIdentity.Current, Directories: [directory]);
        LeftoverLedger.Write(record);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in System.IO.Directory.GetFiles(SourceDirectory))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return new SampleProject(directory, record);
    }

    public void Dispose()
    {
        LeftoverLedger.DeleteDirectory(Directory);
        LeftoverLedger.Remove(record.Id);
    }
}
