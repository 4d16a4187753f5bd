using ContainerHealth.Images;
using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Registry;

[Trait("Tier", "Unit")]
public class PlatformTests
{
    [Theory]
    [InlineData("linux-x64", "linux/amd64")]
    [InlineData("linux-arm64", "linux/arm64")]
    [InlineData("linux-musl-arm64", "linux/arm64")]
    [InlineData("linux-arm", "linux/arm/v7")]
    [InlineData("win-x64", "windows/amd64")]
    public void Maps_runtime_identifiers_to_platforms(string rid, string expected) =>
        Assert.Equal(expected, Platform.FromRuntimeIdentifier(rid)?.ToString());

    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData(" Linux/ARM64/v8 ", "linux/arm64/v8")]
    public void Parses_what_docker_platform_takes(string text, string expected) => Assert.Equal(expected, Platform.Parse(text)?.ToString());

    [Theory]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("linux/arm64/v8/extra")]
    [InlineData("")]
    public void Refuses_what_is_not_os_slash_architecture(string text) => Assert.Null(Platform.Parse(text));

    [Fact]
    public void Unknown_runtime_identifiers_have_no_platform() => Assert.Null(Platform.FromRuntimeIdentifier("browser-wasm"));

    [Fact]
    public void Finds_the_index_entry_for_a_platform_and_skips_others()
    {
        var index = new ImageIndex(2, ImageMediaTypes.OciIndex,
        [
            new Descriptor(ImageMediaTypes.OciManifest, "sha256:" + new string('1', 64), 1, new Platform("linux", "amd64")),
            new Descriptor(ImageMediaTypes.OciManifest, "sha256:" + new string('2', 64), 1, new Platform("linux", "arm64", "v8")),
            new Descriptor(ImageMediaTypes.OciManifest, "sha256:" + new string('3', 64), 1, new Platform("unknown", "unknown")),
        ]);

        Assert.Equal('2', index.Find(Platform.FromRuntimeIdentifier("linux-arm64")!)!.Digest[^1]);
        Assert.Equal('1', index.Find(Platform.FromRuntimeIdentifier("linux-x64")!)!.Digest[^1]);
        Assert.Null(index.Find(Platform.FromRuntimeIdentifier("linux-arm")!));
    }
}
