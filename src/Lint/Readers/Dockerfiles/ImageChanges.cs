namespace ContainerHealth.Lint;

/// <summary>Whether a Dockerfile's final stage puts a program into the image over what its base image has.</summary>
public enum ProgramChange
{
    /// <summary>Nothing in the Dockerfile touches it: the base image decides.</summary>
    None,

    /// <summary>Copied in, or run by a RUN: it is there.</summary>
    Added,

    /// <summary>Maybe there: a package install, a RUN that names it, a directory copied over its place.</summary>
    Unknown,
}

/// <summary>
/// What the stages of a final image add over its base image: a RUN in shell form proves the shell it ran with, a RUN in
/// exec form its program; COPY and ADD create files (a source in a bin directory is a file; any other source may be a
/// directory, so what lies under its destination is unknown); a package install makes every program unknown, and a RUN
/// that names a program may have made it. Wrong in the safe direction only: never a program missing that may be there.
/// </summary>
public sealed class ImageChanges
{
    private static readonly string[] DefaultSearchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private readonly HashSet<string> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);
    private readonly HashSet<string> ranPrograms = new(StringComparer.Ordinal);
    private readonly List<string> runTexts = [];

    /// <summary>A RUN in shell form ran with /bin/sh: the image has a shell whatever its base says.</summary>
    private bool shellProven;

    /// <summary>A RUN installs packages (apt-get install, apk add, dnf install, ...).</summary>
    private bool packagesInstalled;

    public IReadOnlyList<string> SearchPath { get; set; } = DefaultSearchPath;

    /// <summary>The image has /bin/sh because of the Dockerfile: a RUN ran with it, or a COPY put one there.</summary>
    public bool AddsShell => shellProven || files.Contains("/bin/sh") || files.Contains("/usr/bin/sh");

    public void Ran(string program)
    {
        if (program is "/bin/sh" or "sh" or "/usr/bin/sh")
        {
            shellProven = true;
        }

        ranPrograms.Add(program);
    }

    public void RunText(string text)
    {
        runTexts.Add(text);
        packagesInstalled |= PackageInstall.Mentions(text);
    }

    public void Created(string path, bool isFile)
    {
        if (isFile)
        {
            files.Add(path);
        }
        else
        {
            directories.Add(path.Length > 1 ? path.TrimEnd('/') : path);
        }
    }

    public ProgramChange Of(string program, string workingDirectory)
    {
        if (program.Contains('/'))
        {
            var path = program.StartsWith('/') ? program : ContainerPath.Combine(workingDirectory, program);
            return ranPrograms.Contains(path) || files.Contains(path) || (path is "/bin/sh" or "/usr/bin/sh" && shellProven) ? ProgramChange.Added
                : directories.Any(d => d == path || Under(path, d)) || Unsure(ContainerPath.FileName(path)) ? ProgramChange.Unknown
                : ProgramChange.None;
        }

        return ranPrograms.Contains(program) || (program == "sh" && shellProven)
               || files.Any(f => ContainerPath.FileName(f) == program && SearchPath.Contains(ContainerPath.Directory(f))) ? ProgramChange.Added
            : directories.Any(d => SearchPath.Any(p => p == d || Under(p, d)))
              || files.Any(f => ContainerPath.FileName(f) == "busybox")
              || Unsure(program) ? ProgramChange.Unknown
            : ProgramChange.None;
    }

    private bool Unsure(string name) => packagesInstalled || runTexts.Any(text => ShellText.NamesWord(text, name));

    private static bool Under(string path, string directory) =>
        directory == "/" || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
