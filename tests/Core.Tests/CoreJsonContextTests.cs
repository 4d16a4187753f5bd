using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;
using ContainerHealth.Snippets;

namespace ContainerHealth.Core.Tests;

/// <summary>
/// The compile-time serializers write what the reflection-based serializer wrote before them, byte for byte: files an
/// earlier publish left (facts, cache, decisions) stay readable, and docker's own formats keep docker's names.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class CoreJsonContextTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions WebIndented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly ImageFacts Facts = new()
    {
        Image = "localhost:5000/chiseled:10.0",
        Platform = "linux/amd64",
        ManifestDigest = "sha256:" + new string('a', 64),
        Source = FactsSource.Layers,
        HasShell = false,
        SearchPath = ["/usr/bin", "/bin"],
        ExecutablesOnPath = ["dotnet"],
        Libc = LibcKind.Glibc,
        User = "1654",
        Environment = ["APP_UID=1654", "URLS=http://+:8080"],
        ExposedPorts = ["8080/tcp"],
        Healthcheck = new ImageHealthcheck(["CMD", "curl", "-f", "http://localhost/<x>"], Interval: TimeSpan.FromSeconds(5), Retries: 3),
    };

    [Fact]
    public void Facts_and_the_cache_are_written_as_before()
    {
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Facts, WebIndented), JsonSerializer.SerializeToUtf8Bytes(Facts, CoreJsonContext.Indented.ImageFacts));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Facts, Web), JsonSerializer.SerializeToUtf8Bytes(Facts, CoreJsonContext.Default.ImageFacts));

        IEnumerable<FileEntry> entries = [new("/bin/sh", FileKind.Symlink, 0b111_111_111, "dash"), new("/usr/bin/dash", FileKind.File, 0b111_101_101)];
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(entries, Web), JsonSerializer.SerializeToUtf8Bytes(entries, CoreJsonContext.Default.IEnumerableFileEntry));
    }

    [Fact]
    public void Facts_an_earlier_publish_wrote_read_back_whole()
    {
        var read = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(Facts, WebIndented), CoreJsonContext.Indented.ImageFacts)!;

        Assert.Equal(JsonSerializer.Serialize(Facts, Web), JsonSerializer.Serialize(read, Web));
    }

    [Fact]
    public void The_decision_record_is_written_as_before()
    {
        var record = new HealthCheckDecisionRecord
        {
            RuntimeIdentifier = "linux-x64",
            PathSource = ProbePathChoice.AppSource,
            AppEndpoints = new AppEndpointsSeen(["/healthz"], ["/ready"], true),
            ProbeRuntimeIdentifier = "linux-x64",
            Healthcheck = new JsonObject { ["Test"] = new JsonArray("CMD", "/app/healthprobe"), ["Interval"] = 30_000_000_000L, ["Retries"] = 3 },
        };

        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Indented.HealthCheckDecisionRecord);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record, WebIndented), bytes);
        Assert.Equal(record.HealthcheckJson(), JsonSerializer.Deserialize(bytes, CoreJsonContext.Indented.HealthCheckDecisionRecord)!.HealthcheckJson());
    }

    [Fact]
    public void A_docker_archive_manifest_keeps_dockers_names()
    {
        using var archive = new MemoryStream();
        using (var tar = new TarWriter(archive, leaveOpen: true))
        {
            DockerSaveManifest.Write(tar, "abc.json", ["app:1.0"], ["l1/layer.tar", "l2/layer.tar"]);
        }

        archive.Position = 0;
        using var reader = new TarReader(archive);
        var entry = reader.GetNextEntry()!;
        using var text = new StreamReader(entry.DataStream!, Encoding.UTF8);

        Assert.Equal("""[{"Config":"abc.json","RepoTags":["app:1.0"],"Layers":["l1/layer.tar","l2/layer.tar"]}]""", text.ReadToEnd());
    }

    [Fact]
    public void Registry_documents_are_read_with_the_web_convention()
    {
        var manifest = new ManifestDocument(ImageMediaTypes.OciManifest, "sha256:" + new string('b', 64), Encoding.UTF8.GetBytes("""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:c","size":7},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:d","size":9,"annotations":{"a":"b"}}]}
            """)).ReadManifest();

        Assert.Equal(("sha256:c", 7L), (manifest.Config.Digest, manifest.Config.Size));
        Assert.Equal("b", Assert.Single(manifest.Layers).Annotations!["a"]);
    }

    [Fact]
    public void Exec_form_and_yaml_scalars_escape_as_before()
    {
        string[] arguments = ["/app/healthprobe", "http://localhost:8080/<health>&'x'"];

        Assert.Equal(JsonSerializer.Serialize(arguments), HealthCheckInstruction.ExecForm(arguments));
        Assert.Equal("\"a <b> & 'c' \\\"d\\\"\"", YamlScalar.Quote("a <b> & 'c' \"d\""));
    }
}
