using System.Formats.Tar;
using System.Text.Json;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>ContainerArchiveOutputPath: the archive the SDK wrote is rewritten in place, in both forms the SDK writes.</summary>
[Trait("Tier", "Publish")]
public sealed class ArchivePublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>, IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-archives-");

    [Theory]
    [InlineData("Docker")]
    [InlineData("OCI")]
    public async Task Single_rid_archive_has_the_HEALTHCHECK_and_the_check_passes(string format)
    {
        var archive = await PublishAsync(new(ExpectedHealthcheck.FastTimings) { ["ContainerImageFormat"] = format }, "linux-x64");
        var entries = EntryNames(archive);
        Assert.Equal(format == "Docker", entries.Contains("manifest.json"));
        Assert.Equal(format == "OCI", entries.Contains("index.json"));

        var healthcheck = ArchiveConfig(archive).Healthcheck!;
        Assert.Equal(ExpectedHealthcheck.FastProbeTest, healthcheck.Test);
        Assert.Equal(TimeSpan.FromMilliseconds(300), healthcheck.Interval);

        // docker load for the docker-archive; Docker 20.10 cannot load an OCI archive, so skopeo hands that one to the engine.
        await using var container = await ContainerRunner.RunArchiveAsync(archive);
        Assert.Equal(ExpectedHealthcheck.FastProbeTest, container.Config.Healthcheck!.Test);
        var report = await container.WaitForHealthAsync(target: HealthStatus.Healthy);

        output.WriteLine(report.ToString());
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public async Task Multi_rid_archive_has_the_HEALTHCHECK_in_both_images_and_the_arm64_probe_runs_under_qemu()
    {
        var archive = await PublishAsync([], null, ("RuntimeIdentifiers", "linux-x64;linux-arm64"), ("ContainerBaseImage", BaseImageKind.MultiPlatform));

        using var amd64 = await UnpackedImage.FromAsync($"oci-archive:{archive}", architecture: "amd64");
        using var arm64 = await UnpackedImage.FromAsync($"oci-archive:{archive}", architecture: "arm64");
        Assert.Equal(("amd64", "arm64"), (amd64.Config.Architecture, arm64.Config.Architecture));
        ExpectedHealthcheck.AssertDefaults(amd64.Config.Healthcheck);
        ExpectedHealthcheck.AssertDefaults(arm64.Config.Healthcheck);
        var armProbe = Path.Combine(arm64.Rootfs, "app", "healthprobe");
        var file = await ProcessRunner.RunAsync("file", ["-b", armProbe]);
        Assert.Contains("ARM aarch64", file.StandardOutput);
        Assert.Contains("statically linked", file.StandardOutput);

        // The engine runs this machine's (amd64) image from the archive and finds it healthy; the arm64 probe, emulated, checks it from inside its network.
        await using var container = await ContainerRunner.RunArchiveAsync(archive, ExpectedHealthcheck.FastRun);
        Assert.Equal(HealthStatus.Healthy, (await container.WaitForHealthAsync(target: HealthStatus.Healthy)).Status);
        var probe = await container.RunInNetworkAsync("env", "ASPNETCORE_HTTP_PORTS=8080", "qemu-aarch64-static", armProbe, "--path", "/healthz");

        Assert.True(probe.ExitCode == 0, probe.Output);
        Assert.StartsWith("healthy: HTTP 200 from http://localhost:8080/healthz", probe.StandardOutput);
    }

    public void Dispose() => directory.Dispose();

    private async Task<string> PublishAsync(Dictionary<string, string> properties, string? rid, params (string Name, object Value)[] more)
    {
        var kind = more.Select(m => m.Value).OfType<BaseImageKind>().DefaultIfEmpty(BaseImageKind.Chiseled).First();
        var baseImage = await BaseImages.PushAsync(sample.Registry, kind);
        foreach (var (name, value) in more.Where(m => m.Value is string))
        {
            properties[name] = (string)value;
        }

        var published = await sample.PublishAsync(new ContainerPublishOptions
        {
            BaseImage = baseImage.Reference,
            ArchiveDirectory = directory.Path,
            RuntimeIdentifier = rid,
            Properties = properties,
        });
        output.WriteLine($"publish took {published.Duration.TotalSeconds:0.0}s");
        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Contains("ContainerHealth: wrote the HEALTHCHECK into", published.Build.Output);
        return published.ArchivePath!;
    }

    /// <summary>The (first) image config in a docker-archive or OCI layout tarball, read straight from the tar.</summary>
    private static ImageConfig ArchiveConfig(string archive)
    {
        var entries = new Dictionary<string, byte[]>();
        using (var reader = new TarReader(File.OpenRead(archive)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || entry.Length > 1_000_000)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                entries[entry.Name] = buffer.ToArray();
            }
        }

        byte[] Blob(string digest) => entries["blobs/sha256/" + digest["sha256:".Length..]];
        if (entries.TryGetValue("manifest.json", out var dockerManifest))
        {
            using var manifest = JsonDocument.Parse(dockerManifest);
            return ImageConfig.Parse(System.Text.Encoding.UTF8.GetString(entries[manifest.RootElement[0].GetProperty("Config").GetString()!]));
        }

        using var index = JsonDocument.Parse(entries["index.json"]);
        using var ociManifest = JsonDocument.Parse(Blob(index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!));
        return ImageConfig.Parse(System.Text.Encoding.UTF8.GetString(Blob(ociManifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!)));
    }

    private static HashSet<string> EntryNames(string archive)
    {
        using var reader = new TarReader(File.OpenRead(archive));
        var names = new HashSet<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
