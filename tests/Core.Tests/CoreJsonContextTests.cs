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
    public void Facts_keep_the_format_earlier_publishes_wrote()
    {
        const string Written = """{"image":"localhost:5000/chiseled:10.0","platform":"linux/amd64","manifestDigest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","source":0,"inspectionFailure":null,"hasShell":false,"shellTarget":null,"searchPath":["/usr/bin","/bin"],"executablesOnPath":["dotnet"],"knownAbsent":[],"busyboxApplets":[],"libc":2,"user":"1654","environment":["APP_UID=1654","URLS=http://\u002B:8080"],"exposedPorts":["8080/tcp"],"workingDirectory":null,"healthcheck":{"test":["CMD","curl","-f","http://localhost/\u003Cx\u003E"],"interval":"00:00:05","timeout":null,"startPeriod":null,"startInterval":null,"retries":3},"hasCurl":false,"hasWget":false}""";

        Assert.Equal(Written, JsonSerializer.Serialize(Facts, CoreJsonContext.Default.ImageFacts));
        Assert.Equal(Written, JsonSerializer.Serialize(JsonSerializer.Deserialize(Written, CoreJsonContext.Default.ImageFacts), CoreJsonContext.Default.ImageFacts));
        Assert.Equal(JsonSerializer.Serialize(Facts, WebIndented), JsonSerializer.Serialize(Facts, CoreJsonContext.Indented.ImageFacts));
    }

    [Fact]
    public void Facts_judged_by_name_and_with_every_timing_survive_the_file()
    {
        var judged = new ImageFacts
        {
            Image = "mcr.microsoft.com/dotnet/aspnet:10.0-alpine",
            Platform = "linux/arm64/v8",
            Source = FactsSource.Name,
            InspectionFailure = "the registry is unreachable",
            HasShell = null,
            KnownAbsent = ["curl"],
            BusyboxApplets = ["wget"],
            Libc = LibcKind.Musl,
            Healthcheck = new ImageHealthcheck(["NONE"], TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(3), TimeSpan.FromDays(1.5), TimeSpan.FromMilliseconds(250), 0),
        };

        var read = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(judged, CoreJsonContext.Indented.ImageFacts), CoreJsonContext.Indented.ImageFacts)!;

        Assert.Equal(JsonSerializer.Serialize(judged, Web), JsonSerializer.Serialize(read, Web));
        Assert.Equal((FactsSource.Name, LibcKind.Musl, (bool?)null), (read.Source, read.Libc, read.HasShell));
        Assert.Equal(TimeSpan.FromDays(1.5), read.Healthcheck!.StartPeriod);
    }

    [Fact]
    public void A_facts_file_without_the_image_is_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"platform":"linux/amd64"}""", CoreJsonContext.Default.ImageFacts));
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
