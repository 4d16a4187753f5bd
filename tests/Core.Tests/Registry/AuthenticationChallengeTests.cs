using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Core.Tests.Registry;

[Trait("Tier", "Unit")]
public class AuthenticationChallengeTests
{
    [Fact]
    public void Reads_a_bearer_challenge_whose_scope_contains_commas()
    {
        var challenge = AuthenticationChallenge.Parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull,push\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:library/alpine:pull,push", challenge.Scope);
    }

    [Fact]
    public void Reads_a_basic_challenge()
    {
        var challenge = AuthenticationChallenge.Parse("Basic realm=\"test\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBasic);
        Assert.False(challenge.IsBearer);
        Assert.Equal("test", challenge.Realm);
    }
}
