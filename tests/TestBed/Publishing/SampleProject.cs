using System.Security.Cryptography;

namespace ContainerHealth.TestBed.Publishing;

/// <summary>
/// A private working copy of samples/HealthySample (GET / → text, GET /healthz → 200) for one test at a time. Copies
/// are slots in a machine-wide pool under the temp dir, locked while in use, so parallel publishes never share obj/
/// while a slot's obj/ stays warm for the next test (a warm publish is seconds, a fresh one much slower). Each checkout
/// resets the sources; nothing above the copy (no Directory.Build.props) affects it, as in a user's project.
/// <code>
/// using var sample = await SampleProject.AcquireAsync();
/// var published = await ContainerPublisher.PublishAsync(sample.ProjectFile, options);
/// </code>
/// </summary>
public sealed class SampleProject : IDisposable
{
    private readonly IDisposable slotLock;

    private SampleProject(string directory, IDisposable slotLock)
    {
        Directory = directory;
        this.slotLock = slotLock;
    }

    public const string Name = "HealthySample";

    public static string SourceDirectory => RepositoryLayout.Path("samples", Name);

    public static string PoolDirectory => Path.Combine(Path.GetTempPath(), "containerhealth-testbed", "samples");

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static async Task<SampleProject> AcquireAsync()
    {
        var sources = System.IO.Directory.GetFiles(SourceDirectory).Order(StringComparer.Ordinal).ToList();
        var pool = Path.Combine(PoolDirectory, SourcesHash(sources));
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            for (var slot = 0; slot < Environment.ProcessorCount * 4; slot++)
            {
                var directory = Path.Combine(pool, $"slot-{slot}");
                if (CrossProcessLock.TryAcquire(directory + ".lock") is { } acquired)
                {
                    Reset(directory, sources);
                    return new SampleProject(directory, acquired);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"every sample slot in {pool} stayed busy");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => slotLock.Dispose();

    /// <summary>Everything but bin/, obj/ and the sources goes; the sources come back as they are in the repository.</summary>
    private static void Reset(string directory, IReadOnlyList<string> sources)
    {
        System.IO.Directory.CreateDirectory(directory);
        var names = sources.Select(Path.GetFileName).ToHashSet();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo { Name: "bin" or "obj" } || (entry is FileInfo && names.Contains(entry.Name)))
            {
                continue;
            }

            if (entry is DirectoryInfo subdirectory)
            {
                subdirectory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        foreach (var source in sources)
        {
            // Unchanged files keep their timestamps so the build stays incremental; a file a test edited is rewritten
            // (with a new timestamp, so MSBuild rebuilds).
            var copy = Path.Combine(directory, Path.GetFileName(source));
            if (!File.Exists(copy) || !File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(source)))
            {
                File.Copy(source, copy, overwrite: true);
                File.SetLastWriteTimeUtc(copy, DateTime.UtcNow);
            }
        }
    }

    private static string SourcesHash(IReadOnlyList<string> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(source)));
            hash.AppendData(File.ReadAllBytes(source));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash())[..16];
    }
}
