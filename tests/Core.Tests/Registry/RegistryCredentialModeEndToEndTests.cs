using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>
/// The registry client with the SDK's per-use variables against a real registry with htpasswd auth: only the push pair
/// set, a push client gets in and a base-image client is refused, as the SDK would be.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[Trait("Tier", "Engine")]
public sealed class RegistryCredentialModeEndToEndTests
{
    [Fact]
    public async Task Only_the_push_variables_set_a_push_client_pushes_and_a_base_image_read_is_refused()
    {
        await using var registry = await TestRegistry.StartAsync(RegistryCredentials.CreateRandom());
        using var generalUser = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_UNAME", null);
        using var generalPassword = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_PWORD", null);
        using var pushUser = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_PUSH_REGISTRY_UNAME", registry.Credentials!.UserName);
        using var pushPassword = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_PUSH_REGISTRY_PWORD", registry.Credentials.Password);
        using var emptyDockerConfig = new TemporaryDirectory("ch-no-docker-config-");
        using var dockerConfig = ProcessEnvironmentCollection.Set("DOCKER_CONFIG", emptyDockerConfig.Path);
        var image = ImageReference.Parse($"{registry.Address}/ci/app:1.0");
        using var push = new RegistryClient(new RegistryClientOptions { Credentials = ChainedCredentialSource.Default(RegistryMode.Push), MaxAttempts = 1 });
        using var pull = new RegistryClient(new RegistryClientOptions { Credentials = ChainedCredentialSource.Default(RegistryMode.Pull), MaxAttempts = 1 });

        var (digest, _) = await push.UploadBlobAsync(image, "pushed with the push variables"u8.ToArray());
        var refused = await Assert.ThrowsAsync<RegistryException>(() => pull.GetBlobBytesAsync(image, digest));

        Assert.Equal("pushed with the push variables"u8.ToArray(), await push.GetBlobBytesAsync(image, digest));
        Assert.Equal(RegistryFailure.Unauthorized, refused.Failure);
    }
}
