namespace ContainerHealth.Core.Tests;

[Trait("Tier", "Unit")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-atomic-");

    [Fact]
    public void Writes_the_whole_file_creating_its_directory_and_leaves_no_temporary()
    {
        var path = Path.Combine(directory.Path, "nested", "facts.json");

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["facts.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_that_fails_keeps_the_old_file_and_removes_the_temporary()
    {
        var path = directory.File("image.tar");
        File.WriteAllText(path, "the SDK's archive");

        Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half an arch");
            throw new InvalidDataException("layer unreadable");
        }));

        Assert.Equal("the SDK's archive", File.ReadAllText(path));
        Assert.Equal(["image.tar"], directory.Info.GetFiles().Select(f => f.Name));
    }

    public void Dispose() => directory.Dispose();
}
