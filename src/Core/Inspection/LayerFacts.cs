using System.Text.RegularExpressions;

namespace ContainerHealth.Inspection;

/// <summary>Derives <see cref="ImageFacts"/> from a merged file system and the image config.</summary>
public static partial class LayerFacts
{
    public static ImageFacts Read(string image, string platform, string manifestDigest, ImageFileSystem files, ImageConfiguration config)
    {
        var shell = files.Resolve(ImageFacts.ShellPath);
        var executables = new SortedSet<string>(StringComparer.Ordinal);
        var applets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in config.SearchPath)
        {
            foreach (var name in files.List(directory))
            {
                var target = files.Resolve(directory + "/" + name);
                if (target?.IsExecutableFile != true)
                {
                    continue;
                }

                executables.Add(name);
                if (name != "busybox" && (ImagePath.Name(target.Path) == "busybox" || (target.Link is { } inode && ImagePath.Name(inode) == "busybox")))
                {
                    applets.Add(name);
                }
            }
        }

        return new ImageFacts
        {
            Image = image,
            Platform = platform,
            ManifestDigest = manifestDigest,
            Source = FactsSource.Layers,
            HasShell = shell?.IsExecutableFile == true,
            ShellTarget = shell?.IsExecutableFile == true ? ImagePath.Absolute(shell.Path) : null,
            SearchPath = config.SearchPath,
            ExecutablesOnPath = executables.ToList(),
            BusyboxApplets = applets.ToList(),
            Libc = FindLibc(files),
            User = config.User,
            Environment = config.Environment,
            ExposedPorts = config.ExposedPorts,
            WorkingDirectory = config.WorkingDirectory,
            Healthcheck = config.Healthcheck,
            Files = new Lazy<ImageFileSystem?>(files),
        };
    }

    private static LibcKind FindLibc(ImageFileSystem files)
    {
        var found = LibcKind.None;
        foreach (var entry in files.Entries)
        {
            var name = ImagePath.Name(entry.Path);
            var kind = MuslLoader().IsMatch(name) ? LibcKind.Musl
                : GlibcLoader().IsMatch(name) || name == "libc.so.6" ? LibcKind.Glibc
                : LibcKind.None;
            if (kind != LibcKind.None && files.Resolve(entry.Path)?.Kind == FileKind.File)
            {
                if (kind == LibcKind.Glibc)
                {
                    return kind;
                }

                found = kind;
            }
        }

        return found;
    }

    [GeneratedRegex(@"^ld-musl-[^/]+\.so\.1$")]
    private static partial Regex MuslLoader();

    [GeneratedRegex(@"^ld-linux[^/]*\.so(\.\d+)*$")]
    private static partial Regex GlibcLoader();
}
