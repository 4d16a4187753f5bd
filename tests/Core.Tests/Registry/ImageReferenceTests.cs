using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Registry;

[Trait("Tier", "Unit")]
public class ImageReferenceTests
{
    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "mcr.microsoft.com", "dotnet/aspnet", "10.0-noble-chiseled", null)]
    [InlineData("alpine", "docker.io", "library/alpine", "latest", null)]
    [InlineData("alpine:3.20", "docker.io", "library/alpine", "3.20", null)]
    [InlineData("bitnami/nginx", "docker.io", "bitnami/nginx", "latest", null)]
    [InlineData("index.docker.io/library/busybox:1", "docker.io", "library/busybox", "1", null)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", "latest", null)]
    [InlineData("localhost/app:1", "localhost", "app", "1", null)]
    [InlineData("127.0.0.1:41234/chiseled:10.0", "127.0.0.1:41234", "chiseled", "10.0", null)]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", "gcr.io", "distroless/static-debian12", "nonroot", null)]
    public void Parses_registry_repository_and_tag_with_docker_defaults(string text, string registry, string repository, string tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
    }

    [Fact]
    public void A_digest_pins_the_reference_and_a_tag_is_kept_beside_it()
    {
        var digest = "sha256:" + new string('a', 64);

        var pinned = ImageReference.Parse("localhost:5000/app@" + digest);
        var both = ImageReference.Parse("localhost:5000/app:1.0@" + digest);

        Assert.Null(pinned.Tag);
        Assert.Equal(digest, pinned.Reference);
        Assert.Equal("1.0", both.Tag);
        Assert.Equal(digest, both.Reference);
        Assert.Equal("localhost:5000/app:1.0@" + digest, both.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER/case")]
    [InlineData("repo:bad tag")]
    [InlineData("repo@sha256:123")]
    [InlineData("repo@md5:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Rejects_malformed_references_with_a_reason(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<FormatException>(() => ImageReference.Parse(text));
    }
}
