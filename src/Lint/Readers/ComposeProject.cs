using YamlDotNet.RepresentationModel;

namespace ContainerHealth.Lint;

/// <summary>
/// Compose files merged as <c>docker compose</c> merges them: the files of one project in order (<c>-f a -f b</c>, or
/// <c>compose.yaml</c> with the <c>compose.override.yaml</c> beside it), services by name, mappings key by key,
/// ports/expose/volumes added together, anything else replaced; <c>extends</c> (same file or another) resolved first.
/// Every node remembers the file it came from, so a finding points into the file that says it.
/// </summary>
public sealed class ComposeProject
{
    private static readonly string[] BaseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
    private static readonly string[] OverrideExtensions = [".yaml", ".yml"];
    private static readonly HashSet<string> AddedTogether = ["ports", "expose", "volumes", "dns", "extra_hosts", "env_file"];
    private const int MaxExtendsDepth = 16;

    private readonly Dictionary<YamlNode, string> origins = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, YamlNode?> servicesByFile = new(StringComparer.Ordinal);
    private readonly LintLimits limits;

    private ComposeProject(LintLimits limits) => this.limits = limits;

    /// <summary>The services in order of first appearance: name, key node, merged definition.</summary>
    public List<(string Name, YamlNode Key, YamlNode Service)> Services { get; } = [];

    public ComposeInterpolation Interpolation { get; private init; } = ComposeInterpolation.None;

    /// <summary>The first CH1008 met while reading a file of the project.</summary>
    public DeploymentFileResult? Error { get; private set; }

    /// <summary>The file a node came from (the project's first file for nodes made by merging).</summary>
    public string FileOf(YamlNode node, string fallback) => origins.GetValueOrDefault(node, fallback);

    /// <summary>The override files <c>docker compose</c> would add to <paramref name="file"/> when run without -f.</summary>
    public static IReadOnlyList<string> WithOverrides(string file)
    {
        var name = Path.GetFileName(file);
        if (!BaseNames.Contains(name, StringComparer.Ordinal))
        {
            return [file];
        }

        var directory = Path.GetDirectoryName(file) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(name);
        var overrides = OverrideExtensions.Select(e => Path.Combine(directory, stem + ".override" + e)).Where(File.Exists).Take(1);
        return [file, .. overrides];
    }

    /// <summary>Whether <paramref name="file"/> is an override that the base file beside it brings in anyway.</summary>
    public static bool IsOverrideOfAnother(string file, IEnumerable<string> files) =>
        files.Any(other => !string.Equals(other, file, StringComparison.Ordinal) && WithOverrides(other).Skip(1).Contains(file, StringComparer.Ordinal));

    public static ComposeProject Load(IReadOnlyList<string> files, string? firstText, LintLimits limits)
    {
        var project = new ComposeProject(limits)
        {
            Interpolation = ComposeInterpolation.ForDirectory(Path.GetDirectoryName(Path.GetFullPath(files[0]))!, limits),
        };
        var merged = new Dictionary<string, (YamlNode Key, YamlNode Service)>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count && project.Error is null; i++)
        {
            var services = project.LoadServices(files[i], i == 0 ? firstText : null);
            foreach (var (key, service) in services.Entries())
            {
                var name = key.Text() ?? "";
                var resolved = project.Extend(files[i], service, 0);
                if (merged.TryGetValue(name, out var existing))
                {
                    merged[name] = (existing.Key, Merge(existing.Service, resolved, topLevel: true));
                }
                else
                {
                    merged[name] = (key, resolved);
                    project.Services.Add((name, key, resolved));
                }
            }
        }

        for (var i = 0; i < project.Services.Count; i++)
        {
            var (name, key, _) = project.Services[i];
            project.Services[i] = (name, key, merged[name].Service);
        }

        return project;
    }

    private YamlNode? LoadServices(string file, string? text)
    {
        var full = Path.GetFullPath(file);
        if (servicesByFile.TryGetValue(full, out var known))
        {
            return known;
        }

        servicesByFile[full] = null;
        if (text is null)
        {
            var (read, error) = DeploymentFileText.Read(file, limits);
            if (read is null)
            {
                Error ??= error;
                return null;
            }

            text = read;
        }

        var (documents, yamlError) = YamlDocuments.Load(file, text, limits);
        if (yamlError is not null)
        {
            Error ??= yamlError;
            return null;
        }

        foreach (var node in documents.SelectMany(d => d.AllNodes))
        {
            origins.TryAdd(node, file);
        }

        var services = documents.Select(d => d.RootNode.Get("services")).FirstOrDefault(s => s is YamlMappingNode);
        servicesByFile[full] = services;
        return services;
    }

    /// <summary><c>extends: base</c> or <c>extends: {service: base, file: common.yml}</c>: the base first, this service over it.</summary>
    private YamlNode Extend(string file, YamlNode service, int depth)
    {
        var extends = service.Get("extends");
        if (extends is null || depth >= MaxExtendsDepth)
        {
            return service;
        }

        var baseName = extends.Text() ?? extends.Get("service").Text();
        var baseFile = extends.Get("file").Text() is { } other ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, other) : file;
        var baseService = baseName is null ? null : LoadServices(baseFile, null).Get(baseName);
        if (baseService is null)
        {
            return service;
        }

        var own = new YamlMappingNode();
        foreach (var (key, value) in service.Entries().Where(e => e.Key.Text() != "extends"))
        {
            own.Add(key, value);
        }

        return Merge(Extend(baseFile, baseService, depth + 1), own, topLevel: true);
    }

    private static YamlNode Merge(YamlNode earlier, YamlNode later, bool topLevel)
    {
        if (earlier is not YamlMappingNode || later is not YamlMappingNode)
        {
            return later;
        }

        var merged = new YamlMappingNode();
        var laterEntries = later.Entries().ToDictionary(e => e.Key.Text() ?? "", StringComparer.Ordinal);
        foreach (var (key, value) in earlier.Entries())
        {
            var name = key.Text() ?? "";
            if (!laterEntries.Remove(name, out var replacement))
            {
                merged.Add(key, value);
            }
            else if (topLevel && AddedTogether.Contains(name) && value is YamlSequenceNode first && replacement.Value is YamlSequenceNode second)
            {
                merged.Add(replacement.Key, new YamlSequenceNode(first.Children.Concat(second.Children)));
            }
            else
            {
                merged.Add(replacement.Key, Merge(value, replacement.Value, topLevel: false));
            }
        }

        foreach (var (_, entry) in laterEntries)
        {
            merged.Add(entry.Key, entry.Value);
        }

        return merged;
    }
}
