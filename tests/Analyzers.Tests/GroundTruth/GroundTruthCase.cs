using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// One app under GroundTruth/Cases/&lt;Name&gt;: its files are the web project (which references ContainerHealth),
/// Library/*.cs an optional class library it references (which does not), case.json what else the projects need
/// and which CH0xxx the analyzer is expected to report.
/// </summary>
public sealed class GroundTruthCase
{
    private GroundTruthCase(string name, string directory, CaseSettings settings)
    {
        Name = name;
        Directory = directory;
        Settings = settings;
    }

    public static string CasesDirectory => RepositoryLayout.Path("tests", "Analyzers.Tests", "GroundTruth", "Cases");

    // Before All: static initializers run in order.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<GroundTruthCase> All { get; } = Load();

    public string Name { get; }

    public string Directory { get; }

    public CaseSettings Settings { get; }

    /// <summary>The web project's files: its C#, Razor pages (Pages/), appsettings*.json; not case.json nor the library's.</summary>
    public IEnumerable<string> AppFiles =>
        System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) != "case.json" && !Path.GetRelativePath(Directory, file).StartsWith("Library", StringComparison.Ordinal));

    public string LibraryDirectory => Path.Combine(Directory, "Library");

    public bool HasLibrary => System.IO.Directory.Exists(LibraryDirectory);

    /// <summary>
    /// The path the project pins: ContainerHealthCheckPath, else the package default; null for a zero-configuration case,
    /// whose path the built app's health-endpoint metadata gives (<see cref="GroundTruthRun.ProbedPath"/>).
    /// </summary>
    public string? PinnedPath => Settings.ZeroConfig ? null : Settings.Properties.GetValueOrDefault("ContainerHealthCheckPath", "/healthz");

    /// <summary>The port the probe uses in the container: ContainerHealthCheckPort, else the .NET images' 8080.</summary>
    public int ContainerPort => int.Parse(Settings.Properties.GetValueOrDefault("ContainerHealthCheckPort", "8080"), System.Globalization.CultureInfo.InvariantCulture);

    public static GroundTruthCase Named(string name) => All.Single(@case => @case.Name == name);

    public override string ToString() => Name;

    private static IReadOnlyList<GroundTruthCase> Load() =>
        System.IO.Directory.GetDirectories(CasesDirectory)
            .Order(StringComparer.Ordinal)
            .Select(directory =>
            {
                var file = Path.Combine(directory, "case.json");
                var settings = File.Exists(file)
                    ? JsonSerializer.Deserialize<CaseSettings>(File.ReadAllText(file), JsonOptions) ?? new CaseSettings()
                    : new CaseSettings();
                return new GroundTruthCase(Path.GetFileName(directory), directory, settings);
            })
            .ToList();
}

/// <summary>The contents of a case's case.json.</summary>
public sealed class CaseSettings
{
    /// <summary>What the case shows, in a sentence (for the reader of a failure).</summary>
    public string Pattern { get; init; } = "";

    /// <summary>The CH0xxx IDs the analyzer reports on the web project; empty when it must stay silent.</summary>
    public List<string> Expect { get; init; } = [];

    /// <summary>MSBuild properties of the web project (ContainerHealthCheckPath, ...).</summary>
    public Dictionary<string, string> Properties { get; init; } = [];

    /// <summary>Package references of the web project, id to version.</summary>
    public Dictionary<string, string> Packages { get; init; } = [];

    /// <summary>
    /// No ContainerHealthCheckPath: the project gets what the build decides with zero configuration (probe the path the
    /// app's confirmed health endpoints give, /healthz when none), passed to the analyzers as the decision's properties.
    /// </summary>
    public bool ZeroConfig { get; init; }

    /// <summary>The library's assembly name (some rules look at it).</summary>
    public string LibraryName { get; init; } = "Library";
}
