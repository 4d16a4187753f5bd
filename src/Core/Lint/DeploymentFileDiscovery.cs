namespace ContainerHealth.Lint;

/// <summary>
/// Finds deployment files from the project directory up to the repository root (the directory with .git): in each
/// directory on the way and in its deploy-ish subdirectories (deploy, k8s, ecs, ...). ECS JSON and Kubernetes YAML are
/// recognised by content; compose files by name.
/// </summary>
public static class DeploymentFileDiscovery
{
    private static readonly string[] Subdirectories = ["deploy", "deployment", "deployments", "k8s", "kubernetes", "manifests", "ecs", "infra", ".aws"];
    private static readonly LintLimits DiscoveryLimits = LintLimits.Default with { MaxFileBytes = 1 << 20 };

    public static IReadOnlyList<string> Find(string projectDirectory)
    {
        var found = new List<string>();
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            Scan(directory, found);
            foreach (var name in Subdirectories)
            {
                var child = new DirectoryInfo(Path.Combine(directory.FullName, name));
                if (child.Exists)
                {
                    Scan(child, found);
                }
            }

            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                break;
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>What kind of deployment file <paramref name="path"/> is, by name then by content; null for none.</summary>
    public static DeploymentKind? Classify(string path, string text)
    {
        var name = Path.GetFileName(path);
        if (ComposeFileReader.IsComposeFileName(name))
        {
            return DeploymentKind.Compose;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension == ".json" && EcsTaskDefinitionReader.LooksLikeTaskDefinition(text))
        {
            return DeploymentKind.EcsTaskDefinition;
        }

        return extension is ".yml" or ".yaml" && KubernetesManifestReader.LooksLikeManifest(text) ? DeploymentKind.Kubernetes : null;
    }

    private static void Scan(DirectoryInfo directory, List<string> found)
    {
        IEnumerable<FileInfo> files;
        try
        {
            files = directory.EnumerateFiles().Where(f => f.Extension.ToLowerInvariant() is ".json" or ".yml" or ".yaml" && f.Length <= DiscoveryLimits.MaxFileBytes).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in files)
        {
            // An unreadable file, a pipe or a device is not ours to complain about unless the user names it.
            if (ComposeFileReader.IsComposeFileName(file.Name) ? DeploymentFileText.Read(file.FullName, DiscoveryLimits).Text is not null
                : DeploymentFileText.Read(file.FullName, DiscoveryLimits).Text is { } text && Classify(file.FullName, text) is not null)
            {
                found.Add(file.FullName);
            }
        }
    }
}
