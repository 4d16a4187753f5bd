using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Registry;

namespace ContainerHealth.Lint;

/// <summary>
/// Lint's parts every run shares: reading one file as what it is, the rules for one container, and whether an image
/// names a repository. <see cref="LintRun"/> is the run itself; <see cref="Run"/> the build's.
/// </summary>
public static class DeploymentLint
{
    /// <summary>The build's run (<see cref="ProjectLintTargets"/>); only the inspection of a Dockerfile's base waits.</summary>
    public static LintResult Run(IEnumerable<string> files, IReadOnlyList<ImageFacts> facts, LintSettings settings, LintLimits? limits = null, InspectImage? inspectDockerfileBase = null) =>
        LintRun.RunAsync(new LintInput { Files = files.ToList(), Limits = limits ?? LintLimits.Default }, new ProjectLintTargets(facts, settings, inspectDockerfileBase), CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Every rule for one container against one image's facts: each of its checks, and for a Dockerfile its final stage.</summary>
    public static IEnumerable<Diagnostic> Check(DeploymentContainer container, ImageFacts facts, LintSettings settings) =>
        container.Checks.SelectMany(check => HealthCheckRules.Check(container, check, facts, settings))
            .Concat(DockerfileRules.Check(container, facts, settings));

    /// <summary>The files to read: each once, without the compose override files their base file brings in.</summary>
    public static IReadOnlyList<string> Plan(IEnumerable<string> files)
    {
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Where(f => !ComposeProject.IsOverrideOfAnother(f, distinct)).ToList();
    }

    /// <summary>Reads one file as what it is (by name, then by content); an unreadable or oversized file is CH1008.</summary>
    public static DeploymentFileResult Read(string file, LintLimits limits, DockerfileBuildOptions? dockerfile = null)
    {
        var (text, error) = DeploymentFileText.Read(file, limits);
        if (text is null)
        {
            return error!;
        }

        return DeploymentFileDiscovery.Classify(file, text) switch
        {
            DeploymentKind.Compose => ComposeFileReader.Read(file, text, limits),
            DeploymentKind.EcsTaskDefinition => EcsTaskDefinitionReader.Read(file, text, limits),
            DeploymentKind.Kubernetes => KubernetesManifestReader.Read(file, text, limits),
            DeploymentKind.CloudFormation => CloudFormationTemplateReader.Read(file, text, limits),
            DeploymentKind.Terraform => TerraformReader.Read(file, text, limits),
            DeploymentKind.HelmTemplate => HelmTemplate.Note(file),
            DeploymentKind.Dockerfile => DockerfileReader.Read(file, text, dockerfile ?? DockerfileBuildOptions.Default),
            // Named explicitly but recognised by nothing: read so that syntax errors surface; a well-formed file is a note.
            _ when TerraformReader.IsTerraformFile(file) => TerraformReader.Read(file, text, limits),
            _ => Unrecognised(file, text, limits),
        };
    }

    private static DeploymentFileResult Unrecognised(string file, string text, LintLimits limits)
    {
        var json = Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase);
        var read = json
            ? (EcsTaskDefinitionReader.TryParse(file, System.Text.Encoding.UTF8.GetBytes(text), limits, out _, out var error) ? null : error)
            : KubernetesManifestReader.Read(file, text, limits);
        if (!json && read is { Diagnostics.Count: > 0 } && text.Contains("{{", StringComparison.Ordinal))
        {
            // Not YAML as it stands, and templated: most likely a Helm template outside its chart.
            return HelmTemplate.Note(file);
        }

        return read is { Diagnostics.Count: > 0 } or { Containers.Count: > 0 } ? read
            : DeploymentFileResult.Note($"{file}: not a deployment file lint reads (ECS task definition, CloudFormation, Terraform, compose, Kubernetes, Dockerfile); nothing to lint");
    }

    /// <summary>Whether a container image (<c>registry/path/repo:tag</c>, maybe with ${VARS}) names the repository.</summary>
    public static bool Runs(string? image, string repository)
    {
        if (string.IsNullOrWhiteSpace(image) || string.IsNullOrWhiteSpace(repository))
        {
            return false;
        }

        var name = ImageReference.TryParse(image, out var parsed) ? parsed.Repository : StripTagAndDigest(image);
        repository = repository.Trim().ToLowerInvariant();
        name = name.ToLowerInvariant();
        return name == repository || name.EndsWith("/" + repository, StringComparison.Ordinal);
    }

    private static string StripTagAndDigest(string image)
    {
        // A tag from a variable (repo:${TAG:-latest}) is still a tag.
        var variable = image.IndexOf(":${", StringComparison.Ordinal);
        if (variable > image.LastIndexOf('/'))
        {
            image = image[..variable];
        }

        var at = image.IndexOf('@');
        if (at >= 0)
        {
            image = image[..at];
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[..colon] : image;
    }
}
