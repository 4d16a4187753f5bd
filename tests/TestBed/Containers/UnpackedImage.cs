using System.Text.Json;
using ContainerHealth.TestBed.Leftovers;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// An image's files without running it: pulled with skopeo into a temp OCI layout and unpacked with umoci into
/// <see cref="Rootfs"/> (whiteouts and opaque dirs applied). For images of another platform (arm64) and for reading
/// what a publish wrote; running images is the engine's job (<see cref="ContainerRunner"/>).
/// <code>
/// using var image = await UnpackedImage.PullAsync(registry, "localhost:PORT/chiseled:10.0");
/// Assert.False(RootfsPath.Exists(image.Rootfs, "/bin/sh"));
/// </code>
/// </summary>
public sealed class UnpackedImage : IDisposable
{
    private readonly LeftoverRecord record;

    private UnpackedImage(string directory, LeftoverRecord record, ImageConfig config)
    {
        Directory = directory;
        this.record = record;
        Config = config;
    }

    public string Directory { get; }

    public string Layout => Path.Combine(Directory, "layout");

    public string Rootfs => Path.Combine(Directory, "rootfs");

    public ImageConfig Config { get; }

    /// <summary>Pulls <c>localhost:PORT/repo:tag</c> from a test registry (platform: this machine's, unless given).</summary>
    public static Task<UnpackedImage> PullAsync(TestRegistry registry, string reference, string? architecture = null) =>
        FromAsync($"docker://{reference}", registry.Credentials, architecture);

    /// <summary>Any skopeo source transport: <c>docker://...</c>, <c>oci:DIR:REF</c>, <c>docker-archive:PATH</c>.</summary>
    public static async Task<UnpackedImage> FromAsync(string source, RegistryCredentials? credentials = null, string? architecture = null)
    {
        await LeftoverLedger.EnsureSweptAsync();
        var id = "image-" + Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine(Path.GetTempPath(), "ch-" + id);
        var record = new LeftoverRecord(id, ProcessIdentity.Current, Directories: [directory]);
        LeftoverLedger.Write(record);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var layout = Path.Combine(directory, "layout");
            List<string> copy = ["copy", "--quiet", "--insecure-policy", "--src-tls-verify=false"];
            if (credentials is not null)
            {
                copy.Add($"--src-creds={credentials.UserName}:{credentials.Password}");
            }

            if (architecture is not null)
            {
                copy.Add($"--override-arch={architecture}");
            }

            if (!source.StartsWith("docker://", StringComparison.Ordinal))
            {
                copy.Remove("--src-tls-verify=false");
            }

            copy.AddRange([source, $"oci:{layout}:image"]);
            (await ProcessRunner.RunAsync("skopeo", copy, timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
            var config = ImageConfig.Parse(ReadConfig(layout));
            // "raw" skips the mtree manifest (a hash of every file) that plain unpack writes for later repacking.
            var rootfs = Path.Combine(directory, "rootfs");
            (await ProcessRunner.RunAsync("umoci", ["raw", "unpack", "--image", $"{layout}:image", rootfs], timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
            return new UnpackedImage(directory, record, config);
        }
        catch
        {
            await LeftoverLedger.CleanUpAsync(record);
            throw;
        }
    }

    public bool Exists(string path) => RootfsPath.Exists(Rootfs, path);

    public void Dispose()
    {
        LeftoverLedger.DeleteDirectory(Directory);
        LeftoverLedger.Remove(record.Id);
    }

    private static string ReadConfig(string layout)
    {
        string Blob(string digest) => File.ReadAllText(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "index.json")));
        var manifestDigest = index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(Blob(manifestDigest));
        return Blob(manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!);
    }
}
