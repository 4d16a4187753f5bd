using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.Cli.Tests.Verify;

/// <summary>
/// A non-.NET image built by the test on the private engine: the static busybox binary serving a page with its httpd on
/// port 8000, its own exec-form HEALTHCHECK (busybox wget), and no shell (/bin/sh does not exist).
/// </summary>
public sealed class BusyboxWebImage : IAsyncLifetime
{
    public const string CheckUrl = "http://127.0.0.1:8000/";

    public string Tag { get; private set; } = "";

    /// <summary>DOCKER_HOST and DOCKER_CONFIG of the private engine, for the CLI.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; private set; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        var engine = await DockerEngine.SharedAsync();
        Environment = engine.ClientEnvironment;
        using var context = new TemporaryDirectory("ch-busybox-web-");
        File.Copy("/usr/bin/busybox", context.File("busybox"));
        Directory.CreateDirectory(context.File("www"));
        await File.WriteAllTextAsync(context.File("www/index.html"), "hello\n");
        Tag = await EngineImageBuilder.BuildAsync($"""
            FROM scratch
            COPY busybox /bin/busybox
            COPY www /www
            HEALTHCHECK --interval=30s CMD ["/bin/busybox", "wget", "-q", "--spider", "{CheckUrl}"]
            ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8000", "-h", "/www"]
            """, context.Path);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
