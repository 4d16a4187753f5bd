using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

/// <summary>Reads a Dockerfile from a temporary directory and applies every rule against given base-image facts.</summary>
internal sealed class DockerfileLint : IDisposable
{
    public static readonly ImageFacts Static = new()
    {
        Image = "localhost:5000/static:latest", Platform = "linux/amd64", Source = FactsSource.Layers, HasShell = false,
        Files = new Lazy<ImageFileSystem?>(() => ImageFileSystem.FromEntries([])),
    };

    private readonly TemporaryDirectory directory = new("ch-lint-dockerfile-");

    public string Write(string text, string name = "Dockerfile") => LintFixture.Write(directory, name, text);

    public DeploymentContainer Container(string text, DockerfileBuildOptions? options = null)
    {
        var result = DeploymentLint.Read(Write(text), LintLimits.Default, options);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Containers);
    }

    public IReadOnlyList<Diagnostic> Lint(string text, ImageFacts facts, DockerfileBuildOptions? options = null, LintSettings? settings = null)
    {
        var result = DeploymentLint.Read(Write(text), LintLimits.Default, options);
        return result.Diagnostics
            .Concat(result.Containers.SelectMany(c => DeploymentLint.Check(c, facts, settings ?? LintFixture.Settings with { PortFallback = AppPorts.OfImage(facts) })))
            // As the CLI without --path: the path a check probes is the app's business.
            .Where(d => settings is not null || d.Code != DiagnosticCodes.PathMismatch)
            .ToList();
    }

    public void Dispose() => directory.Dispose();
}
