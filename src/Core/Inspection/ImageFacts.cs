using System.Text.Json.Serialization;

namespace ContainerHealth.Inspection;

/// <summary>
/// What the build knows about a base image for one platform: can it run a shell, which programs are on its PATH, has it a
/// libc, who runs it, and its existing health check. <see cref="Source"/> says whether this was read from the layers
/// or judged by the image's name (then the lists hold only what the family is known to have or lack).
/// </summary>
[JsonConverter(typeof(ImageFactsJsonConverter))]
public sealed record ImageFacts
{
    public const string ShellPath = "/bin/sh";

    public required string Image { get; init; }

    /// <summary>os/architecture[/variant], e.g. linux/amd64.</summary>
    public required string Platform { get; init; }

    /// <summary>Digest of the platform manifest the facts were read from (null when judged by name).</summary>
    public string? ManifestDigest { get; init; }

    public FactsSource Source { get; init; }

    /// <summary>Why the layers were not read (registry unreachable, 401, corrupt layer, ...), for CH1005.</summary>
    public string? InspectionFailure { get; init; }

    /// <summary>Whether <c>/bin/sh</c> resolves to an executable file; null when unknown.</summary>
    public bool? HasShell { get; init; }

    /// <summary>Where <c>/bin/sh</c> leads, e.g. <c>/usr/bin/dash</c> or <c>/bin/busybox</c>.</summary>
    public string? ShellTarget { get; init; }

    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary>Executable names found in the PATH directories (by name: those the family is known to have).</summary>
    public IReadOnlyList<string> ExecutablesOnPath { get; init; } = [];

    /// <summary>By name only: programs the family is known to lack. From layers every name not on PATH is absent.</summary>
    public IReadOnlyList<string> KnownAbsent { get; init; } = [];

    /// <summary>PATH names that are links to busybox (they work only if busybox was built with that applet).</summary>
    public IReadOnlyList<string> BusyboxApplets { get; init; } = [];

    public LibcKind Libc { get; init; }

    public string? User { get; init; }

    public IReadOnlyList<string> Environment { get; init; } = [];

    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    public ImageHealthcheck? Healthcheck { get; init; }

    /// <summary>The merged file system, loaded on first use (from the cache when the facts came from there).</summary>
    [JsonIgnore]
    public Lazy<ImageFileSystem?>? Files { get; init; }

    public bool HasCurl => HasProgram("curl") == true;

    public bool HasWget => HasProgram("wget") == true;

    /// <summary>
    /// Whether the image can run <paramref name="program"/>: a bare name is looked up on the image's PATH, a path
    /// (absolute, or relative to the working directory) in its file system. Null when unknown.
    /// </summary>
    public bool? HasProgram(string program)
    {
        if (program.Contains('/'))
        {
            if (Files?.Value is { } files)
            {
                var path = program.StartsWith('/') ? program : (WorkingDirectory ?? "/") + "/" + program;
                return files.IsExecutable(path);
            }

            return Source == FactsSource.Layers ? null : ByName(program[(program.LastIndexOf('/') + 1)..]);
        }

        return Source == FactsSource.Layers ? ExecutablesOnPath.Contains(program, StringComparer.Ordinal) : ByName(program);
    }

    /// <summary>E.g. <c>no shell, no curl, no wget</c> or <c>shell (/usr/bin/dash), no curl, wget (busybox)</c>.</summary>
    public string Describe()
    {
        static string Say(string what, bool? present, string? detail) => present switch
        {
            true => detail is null ? what : $"{what} ({detail})",
            false => "no " + what,
            null => what + " unknown",
        };

        var description = string.Join(", ",
            Say("shell", HasShell, ShellTarget),
            Say("curl", HasProgram("curl"), BusyboxApplets.Contains("curl") ? "busybox" : null),
            Say("wget", HasProgram("wget"), BusyboxApplets.Contains("wget") ? "busybox" : null));
        return Source switch
        {
            FactsSource.Name => description + " (judged by name)",
            FactsSource.Unknown => "not inspected",
            _ => description,
        };
    }

    private bool? ByName(string name) =>
        ExecutablesOnPath.Contains(name, StringComparer.Ordinal) ? true
        : KnownAbsent.Contains(name, StringComparer.Ordinal) ? false
        : null;
}
