using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

/// <summary>
/// The build's lint of a Dockerfile it finds: checked against the base its FROM names (what the inspector returns for that
/// name), never against the facts of the image the publish builds; without an inspector, left out as before.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class DockerfileInProjectLintTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ch-lint-dockerfile-project-");
    private readonly List<string> inspected = [];

    [Fact]
    public void A_curl_check_on_a_static_base_is_CH1001_and_CH1002_at_its_line_though_the_published_image_has_a_shell()
    {
        var file = LintFixture.Write(directory, "Dockerfile", """
            FROM localhost:5000/static:latest
            COPY app/ /app/
            HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
            """);

        var result = DeploymentLint.Run([file], [LintFixture.Busybox], LintFixture.Settings, inspectDockerfileBase: Inspect);

        Assert.Equal(["localhost:5000/static:latest"], inspected);
        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal((file, 3), (d.File!, d.Line)));
    }

    [Fact]
    public void A_wget_check_on_a_busybox_base_is_clean_though_the_published_image_has_no_shell()
    {
        var file = LintFixture.Write(directory, "Dockerfile", """
            FROM localhost:5000/busybox:10.0
            HEALTHCHECK CMD wget -q --spider http://localhost:8080/healthz || exit 1
            """);

        var result = DeploymentLint.Run([file], [LintFixture.Chiseled], LintFixture.Settings, inspectDockerfileBase: Inspect);

        Assert.Equal(["localhost:5000/busybox:10.0"], inspected);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_base_named_by_an_unset_ARG_is_CH1005_at_its_FROM_and_not_inspected()
    {
        var file = LintFixture.Write(directory, "Dockerfile", "ARG BASE\nFROM $BASE\nHEALTHCHECK CMD curl -f http://localhost:8080/\n");

        var result = DeploymentLint.Run([file], [LintFixture.Busybox], LintFixture.Settings, inspectDockerfileBase: Inspect);

        Assert.Empty(inspected);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InspectionFailed, 2), (finding.Code, finding.Line));
        Assert.Contains("--build-arg BASE=...", finding.Message);
    }

    [Fact]
    public void Without_an_inspector_a_Dockerfile_is_not_judged_by_the_published_image()
    {
        var file = LintFixture.Write(directory, "Dockerfile", "FROM shop-api:1.0\nHEALTHCHECK CMD curl -f http://localhost:8080/\n");

        var result = DeploymentLint.Run([file], [LintFixture.Chiseled], LintFixture.Settings);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, result.MatchedContainers);
    }

    public void Dispose() => directory.Delete(recursive: true);

    private Task<BaseImageInspection> Inspect(string image, CancellationToken cancellationToken)
    {
        inspected.Add(image);
        var facts = image.Contains("busybox", StringComparison.Ordinal) ? LintFixture.BusyboxWithFiles : DockerfileLint.Static;
        return Task.FromResult(new BaseImageInspection(facts with { Image = image }, null, false));
    }
}
