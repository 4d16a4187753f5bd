using ContainerHealth.Engines;

namespace ContainerHealth.Core.Tests.Engines;

/// <summary>The Engine API is used only where the docker CLI would talk to the same engine.</summary>
[Trait("Tier", "Unit")]
public sealed class DockerEndpointTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-docker-endpoint-");

    [Theory]
    [InlineData("unix:///run/user/1000/docker.sock", null, "unix:///run/user/1000/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375", null, "tcp://127.0.0.1:2375")]
    [InlineData("tcp://127.0.0.1:2376", "1", null)]
    [InlineData("ssh://me@host", null, null)]
    public void DOCKER_HOST_is_followed_where_a_plain_connection_reaches_it(string host, string? tlsVerify, string? expected)
    {
        Assert.Equal(expected, DockerEndpoint.Current(Environment(("DOCKER_HOST", host), ("DOCKER_TLS_VERIFY", tlsVerify)), windows: false));
    }

    [Fact]
    public void Without_DOCKER_HOST_or_a_context_it_is_the_default_socket()
    {
        Assert.Equal("unix:///var/run/docker.sock", DockerEndpoint.Current(Environment(("DOCKER_CONFIG", directory.Path)), windows: false));
    }

    [Theory]
    [InlineData("""{"currentContext":"rootless"}""", null)]
    [InlineData("""{"currentContext":"default"}""", "unix:///var/run/docker.sock")]
    [InlineData("""{"auths":{}}""", "unix:///var/run/docker.sock")]
    [InlineData("""{ not json""", null)]
    public void A_context_chosen_in_the_client_config_leaves_it_to_the_CLI(string config, string? expected)
    {
        File.WriteAllText(directory.File("config.json"), config);

        Assert.Equal(expected, DockerEndpoint.Current(Environment(("DOCKER_CONFIG", directory.Path)), windows: false));
    }

    [Fact]
    public void DOCKER_CONTEXT_and_Windows_leave_it_to_the_CLI()
    {
        Assert.Null(DockerEndpoint.Current(Environment(("DOCKER_CONFIG", directory.Path), ("DOCKER_CONTEXT", "desktop-linux")), windows: false));
        Assert.Null(DockerEndpoint.Current(Environment(("DOCKER_CONFIG", directory.Path)), windows: true));
    }

    public void Dispose() => directory.Dispose();

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
