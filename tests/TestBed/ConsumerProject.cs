using System.Xml.Linq;

namespace ContainerHealth.TestBed;

/// <summary>
/// A throw-away app in a temp dir that consumes the packed ContainerHealth from a local feed, with its own NuGet.Config
/// and packages folder so nothing leaks from (or into) the user's NuGet cache.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string Name => "ConsumerApp";

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static async Task<ConsumerProject> CreateWebAsync(string? template = "web")
    {
        var package = await ContainerHealthPackage.GetAsync();
        var directory = Path.Combine(Path.GetTempPath(), "ch-consumer-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var consumer = new ConsumerProject(directory);
        consumer.WriteNuGetConfig(Path.GetDirectoryName(package)!);
        await consumer.DotnetAsync("new", template!, "-n", consumer.Name, "-o", directory, "--no-restore");
        consumer.AddPackageReference("ContainerHealth", PackageVersion(package));
        return consumer;
    }

    public Task<ProcessResult> DotnetAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, Directory, DotnetEnvironment, TimeSpan.FromMinutes(5));

    public void WriteFile(string relativePath, string contents) =>
        File.WriteAllText(Path.Combine(Directory, relativePath), contents);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir is harmless; the next run uses a new one.
        }
    }

    private static readonly Dictionary<string, string?> DotnetEnvironment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private static string PackageVersion(string nupkg) =>
        Path.GetFileNameWithoutExtension(nupkg)["ContainerHealth.".Length..];

    private void WriteNuGetConfig(string feed) => LocalFeedConfig.Write(Directory, feed, Path.Combine(Directory, ".packages"));

    /// <summary>A PackageReference with its version (a copied sample loses the repository's central package versions).</summary>
    public void AddPackageReference(string id, string version)
    {
        var project = XDocument.Load(ProjectFile);
        project.Root!.Add(new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version))));
        project.Save(ProjectFile);
    }
}
