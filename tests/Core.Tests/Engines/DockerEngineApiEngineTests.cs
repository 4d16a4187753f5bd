using System.Formats.Tar;
using System.Net.Http;
using System.Text.Json.Nodes;
using ContainerHealth.Engines;
using ContainerHealth.Images;
using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.Core.Tests.Engines;

/// <summary>The Engine API calls that replace docker processes, against the TestBed's private dockerd.</summary>
[Trait("Tier", "Engine")]
public sealed class DockerEngineApiEngineTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-engine-api-");

    [Fact]
    public async Task A_config_loaded_alone_takes_the_name_and_the_superseded_image_can_be_dropped()
    {
        var engine = await DockerEngine.SharedAsync();
        var name = "api-load-" + Guid.NewGuid().ToString("N")[..8] + ":latest";
        var (oldId, config) = await ImportAsync(engine, name);
        var withCheck = JsonNode.Parse(config)!;
        withCheck["config"] ??= new JsonObject();
        withCheck["config"]!["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("CMD", "/hello") };
        var newConfig = withCheck.ToJsonString();
        using var api = DockerEngineApi.Connect(engine.Host)!;

        Assert.Null(await api.LoadAsync(ConfigOnly(newConfig, name), CancellationToken.None));

        var loaded = (await engine.DockerAsync("image", "inspect", "--format", "{{.Id}} {{json .Config.Healthcheck.Test}}", name)).EnsureSuccess();
        Assert.Equal($"{ConfigOnlyDockerArchive.ImageId(newConfig)} [\"CMD\",\"/hello\"]", loaded.StandardOutput.Trim());
        Assert.Equal([], await api.RepoTagsAsync(oldId, CancellationToken.None));
        Assert.True(await api.RemoveImageAsync(oldId, CancellationToken.None));
        Assert.Null(await api.RepoTagsAsync(oldId, CancellationToken.None));
        Assert.Equal([name], await api.RepoTagsAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task A_config_naming_a_layer_the_engine_lacks_is_refused_with_the_engines_reason_and_names_nothing()
    {
        var engine = await DockerEngine.SharedAsync();
        var name = "api-refused-" + Guid.NewGuid().ToString("N")[..8] + ":latest";
        var config = """{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}}""";
        using var api = DockerEngineApi.Connect(engine.Host)!;

        var refused = await api.LoadAsync(ConfigOnly(config, name), CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(refused));
        Assert.Null(await api.RepoTagsAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task An_engine_that_is_not_there_throws_what_the_caller_falls_back_on()
    {
        using var api = DockerEngineApi.Connect("unix://" + directory.File("no-engine.sock"))!;

        await Assert.ThrowsAsync<HttpRequestException>(() => api.LoadAsync([], CancellationToken.None));
    }

    public void Dispose() => directory.Dispose();

    private static byte[] ConfigOnly(string config, string name)
    {
        using var archive = new MemoryStream();
        ConfigOnlyDockerArchive.Write(archive, config, [name]);
        return archive.ToArray();
    }

    /// <summary>A one-file image in the engine under <paramref name="name"/>: its ID and its config as the engine stores it.</summary>
    private async Task<(string Id, string Config)> ImportAsync(DockerEngine engine, string name)
    {
        var rootfs = directory.File("rootfs.tar");
        using (var file = File.Create(rootfs))
        using (var writer = new TarWriter(file, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "hello") { DataStream = new MemoryStream("hi\n"u8.ToArray()) });
        }

        (await engine.DockerAsync("import", rootfs, name)).EnsureSuccess();
        var saved = directory.File("saved.tar");
        (await engine.DockerAsync("save", "-o", saved, name)).EnsureSuccess();
        var entries = new Dictionary<string, string>();
        using (var reader = new TarReader(File.OpenRead(saved)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.Name.EndsWith(".json", StringComparison.Ordinal) && entry.DataStream is not null)
                {
                    entries[entry.Name.TrimStart('.', '/')] = new StreamReader(entry.DataStream).ReadToEnd();
                }
            }
        }

        var configName = JsonNode.Parse(entries["manifest.json"])![0]!["Config"]!.GetValue<string>();
        var config = entries[configName];
        return (ConfigOnlyDockerArchive.ImageId(config), config);
    }
}
