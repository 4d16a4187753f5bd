using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>ContainerHealthCheck=false: the image is the one the project gets without the package, timestamps aside.</summary>
[Trait("Tier", "Publish")]
public sealed class SwitchedOffTests(PackagedSample sample) : IClassFixture<PackagedSample>
{
    [Fact]
    public async Task Switched_off_image_equals_the_image_without_the_package_even_after_a_publish_with_it()
    {
        var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
        var with = await PublishAsync(baseImage, new() { ["ContainerHealthCheck"] = "true" });
        var off = await PublishAsync(baseImage, new() { ["ContainerHealthCheck"] = "false" });
        Assert.DoesNotContain("ContainerHealth:", off.Build.Output);
        Assert.False(File.Exists(Path.Combine(sample.PublishDirectory("linux-x64"), "healthprobe")), "the earlier probe must not stay in PublishDir");

        var project = await File.ReadAllTextAsync(sample.App.ProjectFile);
        ContainerPublishResult without;
        try
        {
            await File.WriteAllTextAsync(sample.App.ProjectFile, System.Text.RegularExpressions.Regex.Replace(project, "<PackageReference Include=\"ContainerHealth\"[^>]*/>", ""));
            without = await PublishAsync(baseImage, []);
        }
        finally
        {
            await File.WriteAllTextAsync(sample.App.ProjectFile, project);
        }

        using var withImage = await UnpackedImage.PullAsync(sample.Registry, with.ImageReference!);
        using var offImage = await UnpackedImage.PullAsync(sample.Registry, off.ImageReference!);
        using var withoutImage = await UnpackedImage.PullAsync(sample.Registry, without.ImageReference!);
        Assert.NotNull(withImage.Config.Healthcheck);
        Assert.True(withImage.Exists("/app/healthprobe"));

        Assert.Null(offImage.Config.Healthcheck);
        Assert.Equal(WithoutTimestamps(withoutImage.Config.Raw.GetRawText()), WithoutTimestamps(offImage.Config.Raw.GetRawText()));
        Assert.Equal(Tree(withoutImage.Rootfs), Tree(offImage.Rootfs));
    }

    private async Task<ContainerPublishResult> PublishAsync(BaseImage baseImage, Dictionary<string, string> properties)
    {
        var published = await sample.PublishAsync(new ContainerPublishOptions { BaseImage = baseImage.Reference, Registry = sample.Registry, Properties = properties });
        Assert.True(published.Succeeded, published.Build.Output);
        return published;
    }

    private static string WithoutTimestamps(string config)
    {
        var root = JsonNode.Parse(config)!.AsObject();
        root.Remove("created");

        // The app layer's tar carries file mtimes, so its digest changes with every build; its content is compared by Tree.
        var diffIds = root["rootfs"]!["diff_ids"]!.AsArray();
        diffIds[diffIds.Count - 1] = "app layer";
        foreach (var entry in root["history"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            entry.Remove("created");
        }

        var labels = root["config"]?["Labels"]?.AsObject();
        labels?.Remove("org.opencontainers.image.created");
        labels?.Remove("org.opencontainers.artifact.created");
        return root.ToJsonString();
    }

    /// <summary>Every path with its type, mode, owner and content hash (no mtimes).</summary>
    private static string Tree(string rootfs) => string.Join('\n',
        Directory.EnumerateFileSystemEntries(rootfs, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var info = new FileInfo(path);
                var kind = info.LinkTarget is { } target ? "link->" + target : Directory.Exists(path) ? "dir" : "file:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
                return $"{Path.GetRelativePath(rootfs, path)} {File.GetUnixFileMode(path)} {kind}";
            }));
}
