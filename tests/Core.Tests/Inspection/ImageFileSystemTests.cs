using ContainerHealth.Inspection;

namespace ContainerHealth.Core.Tests.Inspection;

[Trait("Tier", "Unit")]
public class ImageFileSystemTests
{
    private const int Executable = 0b111_101_101;
    private const int Plain = 0b110_100_100;

    [Fact]
    public void Follows_merged_usr_and_relative_and_absolute_symlinks()
    {
        var files = Layers(
        [
            Dir("usr"), Dir("usr/bin"), Link("bin", "usr/bin"),
            File("usr/bin/dash", Executable), Link("usr/bin/sh", "dash"),
            Link("usr/bin/env-abs", "/usr/bin/dash"), Link("usr/local/bin/up", "../../bin/dash"),
        ]);

        Assert.Equal("usr/bin/dash", files.Resolve("/bin/sh")?.Path);
        Assert.True(files.IsExecutable("/usr/bin/env-abs"));
        Assert.True(files.IsExecutable("/usr/local/bin/up"));
        Assert.Equal(FileKind.Symlink, files.Find("/bin/sh")?.Kind);
        Assert.Contains("dash", files.List("/bin"));
    }

    [Fact]
    public void A_whiteout_deletes_a_lower_path_and_everything_under_it()
    {
        var files = Layers(
            [Dir("usr/bin"), File("usr/bin/dash", Executable), Link("usr/bin/sh", "dash"), Dir("opt/tool"), File("opt/tool/run", Executable)],
            [File("usr/bin/.wh.sh", Plain), File("opt/.wh.tool", Plain)]);

        Assert.Null(files.Resolve("/usr/bin/sh"));
        Assert.Null(files.Resolve("/opt/tool/run"));
        Assert.True(files.IsExecutable("/usr/bin/dash"));
        Assert.DoesNotContain(".wh.sh", files.List("/usr/bin"));
    }

    [Fact]
    public void An_opaque_directory_hides_lower_contents_but_keeps_its_own_layer()
    {
        var files = Layers(
            [Dir("bin"), File("bin/busybox", Executable), Link("bin/sh", "busybox")],
            [Dir("bin"), File("bin/.wh..wh..opq", Plain), File("bin/app", Executable)]);

        Assert.Null(files.Resolve("/bin/sh"));
        Assert.Null(files.Resolve("/bin/busybox"));
        Assert.True(files.IsExecutable("/bin/app"));
        Assert.Equal(["app"], files.List("/bin"));
    }

    [Fact]
    public void A_hard_link_is_a_file_with_its_targets_mode()
    {
        var files = Layers([File("bin/busybox", Executable), File("bin/wget", 0, link: "/bin/busybox")]);

        var wget = files.Resolve("/bin/wget");

        Assert.True(wget?.IsExecutableFile);
        Assert.Equal("/bin/busybox", wget?.Link);
    }

    [Fact]
    public void Symlink_loops_and_dangling_links_resolve_to_nothing()
    {
        var files = Layers([Link("a", "b"), Link("b", "a"), Link("bin/sh", "/nowhere/dash")]);

        Assert.Null(files.Resolve("/a"));
        Assert.Null(files.Resolve("/bin/sh"));
        Assert.False(files.IsExecutable("/bin/sh"));
    }

    [Fact]
    public void A_file_that_is_not_executable_is_not_a_program()
    {
        var files = Layers([File("usr/bin/curl", Plain)]);

        Assert.NotNull(files.Resolve("/usr/bin/curl"));
        Assert.False(files.IsExecutable("/usr/bin/curl"));
    }

    [Fact]
    public void Parents_missing_from_the_tar_still_exist()
    {
        var files = Layers([File("usr/bin/dash", Executable)]);

        Assert.Equal(FileKind.Directory, files.Resolve("/usr/bin")?.Kind);
        Assert.Equal(["dash"], files.List("/usr/bin"));
    }

    private static ImageFileSystem Layers(params FileEntry[][] layers)
    {
        var files = new ImageFileSystem();
        foreach (var layer in layers)
        {
            files.Apply(layer);
        }

        return files;
    }

    private static FileEntry Dir(string path) => new(path, FileKind.Directory, Executable);

    private static FileEntry File(string path, int mode, string? link = null) => new(path, FileKind.File, mode, link);

    private static FileEntry Link(string path, string target) => new(path, FileKind.Symlink, 0b111_111_111, target);
}
