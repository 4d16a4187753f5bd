using ContainerHealth.Inspection;
using ContainerHealth.Registry;

namespace ContainerHealth.Core.Tests.Inspection;

[Trait("Tier", "Unit")]
public class KnownImageFamiliesTests
{
    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", false, false, false)]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0-distroless", false, false, false)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-alpine", true, false, true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", true, false, false)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", true, false, false)]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", false, false, false)]
    [InlineData("gcr.io/distroless/base-debian12:debug", true, false, true)]
    [InlineData("cgr.dev/chainguard/static:latest", false, false, false)]
    [InlineData("alpine:3.20", true, false, true)]
    public void Judges_well_known_families_by_name(string reference, bool shell, bool curl, bool wget)
    {
        var facts = KnownImageFamilies.Judge(ImageReference.Parse(reference), "linux/amd64", "offline");

        Assert.Equal(FactsSource.Name, facts.Source);
        Assert.Equal(shell, facts.HasShell);
        Assert.Equal(curl, facts.HasProgram("curl"));
        Assert.Equal(wget, facts.HasProgram("wget"));
        Assert.EndsWith("(judged by name)", facts.Describe());
    }

    [Fact]
    public void An_unknown_image_is_not_guessed()
    {
        var facts = KnownImageFamilies.Judge(ImageReference.Parse("registry.example.com/team/base:1"), "linux/amd64", "offline");

        Assert.Equal(FactsSource.Unknown, facts.Source);
        Assert.Null(facts.HasShell);
        Assert.Null(facts.HasProgram("curl"));
    }

    [Fact]
    public void Static_images_have_no_libc_and_chiseled_ones_glibc()
    {
        Assert.Equal(LibcKind.None, KnownImageFamilies.Judge(ImageReference.Parse("cgr.dev/chainguard/static"), "linux/amd64", "").Libc);
        Assert.Equal(LibcKind.Glibc, KnownImageFamilies.Judge(ImageReference.Parse("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled"), "linux/amd64", "").Libc);
    }
}
