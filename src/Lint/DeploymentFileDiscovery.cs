namespace ContainerHealth.Lint;

/// <summary>
/// Finds deployment files from the project directory up to the repository root (the directory with .git): in each
/// directory on the way and in its deploy-ish subdirectories (deploy, k8s, ecs, ...). Compose files and Dockerfiles
/// (Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile) are recognised by name, the others by content (<see cref="Classify"/>).
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

    /// <summary>
    /// What kind of deployment file <paramref name="path"/> is: compose by name, then by content (CloudFormation,
    /// Terraform, ECS JSON, Kubernetes, a top-level <c>services:</c>); a YAML file with <c>{{</c> in a chart is a Helm
    /// template. Null for none.
    /// </summary>
    public static DeploymentKind? Classify(string path, string text)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var yaml = extension is ".yml" or ".yaml";
        if (HelmTemplate.IsTemplate(path, text))
        {
            return DeploymentKind.HelmTemplate;
        }

        if (ComposeFileReader.IsComposeFileName(name))
        {
            return DeploymentKind.Compose;
        }

        if (DockerfileReader.IsDockerfileName(name))
        {
            return DeploymentKind.Dockerfile;
        }

        if (TerraformReader.LooksLikeTerraform(path, text))
        {
            return DeploymentKind.Terraform;
        }

        if ((yaml || extension is ".json" or ".template") && CloudFormationTemplateReader.LooksLikeTemplate(text))
        {
            return DeploymentKind.CloudFormation;
        }

        if ((extension == ".json" || JsonTemplate.IsTemplateFile(name)) && EcsTaskDefinitionReader.LooksLikeTaskDefinition(text))
        {
            return DeploymentKind.EcsTaskDefinition;
        }

        return !yaml ? null
            : KubernetesManifestReader.LooksLikeManifest(text) ? DeploymentKind.Kubernetes
            : ComposeFileReader.LooksLikeCompose(text) ? DeploymentKind.Compose
            : null;
    }

    private static void Scan(DirectoryInfo directory, List<string> found)
    {
        IEnumerable<FileInfo> files;
        try
        {
            files = directory.EnumerateFiles()
                .Where(f => (f.Extension.ToLowerInvariant() is ".json" or ".yml" or ".yaml" or ".tf" or ".tpl" || DockerfileReader.IsDockerfileName(f.Name)) && f.Length <= DiscoveryLimits.MaxFileBytes)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in files)
        {
            // An unreadable file, a pipe or a device is not ours to complain about unless the user names it.
            if (ComposeFileReader.IsComposeFileName(file.Name) || DockerfileReader.IsDockerfileName(file.Name) ? DeploymentFileText.Read(file.FullName, DiscoveryLimits).Text is not null
                : DeploymentFileText.Read(file.FullName, DiscoveryLimits).Text is { } text && Classify(file.FullName, text) is { } kind && kind != DeploymentKind.HelmTemplate)
            {
                found.Add(file.FullName);
            }
        }
    }
}
