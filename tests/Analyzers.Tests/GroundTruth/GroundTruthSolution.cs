using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContainerHealth.TestBed;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// Every ground-truth case as projects of one solution in a temp dir that consumes the packed ContainerHealth (own
/// NuGet.Config and packages folder), built by one `dotnet build` so MSBuild shares the work across cases.
/// </summary>
public sealed partial class GroundTruthSolution : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-groundtruth-");

    public string Directory => directory.Path;

    public string AppDll(GroundTruthCase @case) =>
        Path.Combine(Directory, @case.Name, "bin", "Release", "net10.0", @case.Name + ".dll");

    public string ProjectFile(GroundTruthCase @case) => Path.Combine(Directory, @case.Name, @case.Name + ".csproj");

    public static async Task<GroundTruthSolution> CreateAsync(IReadOnlyList<GroundTruthCase> cases)
    {
        var package = await ContainerHealthPackage.GetAsync();
        var solution = new GroundTruthSolution();
        solution.WriteNuGetConfig(Path.GetDirectoryName(package)!);
        var version = Path.GetFileNameWithoutExtension(package)["ContainerHealth.".Length..];
        foreach (var @case in cases)
        {
            solution.WriteCase(@case, version);
        }

        new XElement("Solution", cases.Select(@case => new XElement("Project", new XAttribute("Path", Path.Combine(@case.Name, @case.Name + ".csproj")))))
            .Save(Path.Combine(solution.Directory, "Cases.slnx"));
        return solution;
    }

    /// <summary>Builds every case; returns the build output and the CH/AD diagnostics of each web project.</summary>
    public async Task<(ProcessResult Build, ILookup<string, BuildWarning> Warnings)> BuildAsync()
    {
        var build = await ProcessRunner.RunAsync(
            "dotnet",
            ["build", "Cases.slnx", "-c", "Release", "-nologo", "-tl:off", "-clp:NoSummary", "-v:m"],
            Directory,
            new Dictionary<string, string?>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["ASPNETCORE_ENVIRONMENT"] = null,
            },
            TimeSpan.FromMinutes(20));
        var warnings = build.Output.Split('\n')
            .Select(line => WarningLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BuildWarning(
                Path.GetFileNameWithoutExtension(match.Groups["project"].Value),
                match.Groups["id"].Value,
                Path.GetRelativePath(Directory, match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["message"].Value))
            .Distinct()
            .ToLookup(warning => warning.Project);
        return (build, warnings);
    }

    /// <summary>Set CONTAINERHEALTH_KEEP_GROUNDTRUTH=1 to keep the built cases for a look after the run.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CONTAINERHEALTH_KEEP_GROUNDTRUTH") == "1")
        {
            return;
        }

        directory.Dispose();
    }

    private void WriteCase(GroundTruthCase @case, string packageVersion)
    {
        var appDirectory = Path.Combine(Directory, @case.Name);
        System.IO.Directory.CreateDirectory(appDirectory);
        foreach (var source in @case.AppFiles)
        {
            var target = Path.Combine(appDirectory, Path.GetRelativePath(@case.Directory, source));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var references = new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", "ContainerHealth"), new XAttribute("Version", packageVersion)),
            @case.Settings.Packages.Select(package =>
                new XElement("PackageReference", new XAttribute("Include", package.Key), new XAttribute("Version", package.Value))));
        if (@case.HasLibrary)
        {
            var libraryDirectory = Path.Combine(appDirectory, "Library");
            System.IO.Directory.CreateDirectory(libraryDirectory);
            foreach (var source in System.IO.Directory.GetFiles(@case.LibraryDirectory, "*.cs"))
            {
                File.Copy(source, Path.Combine(libraryDirectory, Path.GetFileName(source)));
            }

            Project("Microsoft.NET.Sdk",
                    new XElement("PropertyGroup", new XElement("AssemblyName", @case.Settings.LibraryName), new XElement("RootNamespace", @case.Settings.LibraryName)),
                    new XElement("ItemGroup", new XElement("FrameworkReference", new XAttribute("Include", "Microsoft.AspNetCore.App"))))
                .Save(Path.Combine(libraryDirectory, @case.Name + ".Library.csproj"));
            references.Add(new XElement("ProjectReference", new XAttribute("Include", Path.Combine("Library", @case.Name + ".Library.csproj"))));

            // The web SDK globs every *.cs below the project: the library's files are the library's.
            references.Add(new XElement("Compile", new XAttribute("Remove", "Library/**")));
        }

        // A case that is not about zero configuration pins the path it is judged at (/healthz unless it names one), so
        // it means the same with targets that leave an unset path to the app.
        var properties = @case.PinnedPath is { } pinned
            ? new Dictionary<string, string>(@case.Settings.Properties) { ["ContainerHealthCheckPath"] = pinned }
            : @case.Settings.Properties;
        Project("Microsoft.NET.Sdk.Web",
                new XElement("PropertyGroup", properties.Select(property => new XElement(property.Key, property.Value))),
                references,
                @case.Settings.ZeroConfig ? ZeroConfigDecision() : null)
            .Save(ProjectFile(@case));
    }

    /// <summary>
    /// What the build decides for a project that sets no path (HTTP, the path left to the app), handed to the analyzers
    /// as the decision's compiler-visible properties, and the endpoints recorded as in a publish; declared here too (Remove first: never twice) for targets that
    /// do not declare them yet.
    /// </summary>
    private static XElement[] ZeroConfigDecision() =>
    [
        new("PropertyGroup", new XElement("_ContainerHealthDecidedProtocol", "http"), new XElement("_ContainerHealthDecidedPath", ""), new XElement("_ContainerHealthRecordEndpoints", "true")),
        new("ItemGroup",
            new[] { "_ContainerHealthDecidedProtocol", "_ContainerHealthDecidedPath", "_ContainerHealthRecordEndpoints" }.SelectMany(name => new[]
            {
                new XElement("CompilerVisibleProperty", new XAttribute("Remove", name)),
                new XElement("CompilerVisibleProperty", new XAttribute("Include", name)),
            })),
    ];

    private static XElement Project(string sdk, params object?[] content) =>
        new("Project",
            new XAttribute("Sdk", sdk),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable")),
            content);

    /// <summary>ContainerHealth comes from the local feed only; anything else (Carter, ...) from the machine's sources.</summary>
    private void WriteNuGetConfig(string feed) => LocalFeedConfig.Write(Directory, feed, Path.Combine(Directory, ".packages"));

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\): warning (?<id>(CH|AD)\d{4}): (?<message>.*) \[(?<project>[^\]]+\.csproj)(::[^\]]*)?\]$")]
    private static partial Regex WarningLine();
}

/// <summary>A CH0xxx (or AD0001) warning of one project's build.</summary>
public sealed record BuildWarning(string Project, string Id, string File, int Line, string Message)
{
    public override string ToString() => $"{File}({Line}): {Id}: {Message}";
}
