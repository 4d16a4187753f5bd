using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

[Trait("Tier", "Unit")]
public sealed class DockerfileDiscoveryTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-dockerfile-discovery-");

    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("dockerfile", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("Containerfile", true)]
    [InlineData("Dockerfile-old.txt", false)]
    [InlineData("Dockerfiles", false)]
    public void Dockerfiles_are_recognised_by_name(string name, bool expected)
    {
        Assert.Equal(expected, DockerfileReader.IsDockerfileName(name));
        Assert.Equal(expected ? DeploymentKind.Dockerfile : null, DeploymentFileDiscovery.Classify(name, "FROM alpine\n"));
    }

    [Fact]
    public void Discovery_finds_the_Dockerfiles_beside_the_project_and_in_deploy_folders()
    {
        Directory.CreateDirectory(directory.File(".git"));
        var project = Directory.CreateDirectory(Path.Combine(directory.Path, "src", "Shop.Api"));
        LintFixture.Write(project, "Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
        LintFixture.Write(directory, "deploy/api.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
        LintFixture.Write(directory, "Containerfile", "FROM alpine\n");
        LintFixture.Write(directory, "README.md", "FROM alpine\n");

        var found = DeploymentFileDiscovery.Find(project.FullName).Select(f => Path.GetRelativePath(directory.Path, f)).Order();

        Assert.Equal(["Containerfile", Path.Combine("deploy", "api.Dockerfile"), Path.Combine("src", "Shop.Api", "Dockerfile")], found);
    }

    public void Dispose() => directory.Dispose();
}
