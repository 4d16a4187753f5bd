using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Registry;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// Real publishes with only the SDK 10 credential variables a CI sets per direction: ContainerHealth reads the base image
/// with <c>DOTNET_CONTAINER_PULL_REGISTRY_*</c> and pushes the HEALTHCHECK with <c>DOTNET_CONTAINER_PUSH_REGISTRY_*</c>,
/// as the SDK does, without the general <c>DOTNET_CONTAINER_REGISTRY_*</c>.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class RegistryCredentialVariableTests(SecuredRegistriesSample sample, ITestOutputHelper output) : IClassFixture<SecuredRegistriesSample>
{
    [Fact]
    public async Task Only_the_push_and_pull_variables_set_the_base_image_is_read_and_the_HEALTHCHECK_pushed()
    {
        var repository = $"push-only-{Guid.NewGuid().ToString("N")[..6]}";

        var published = await sample.PublishAsync(repository, new Dictionary<string, string?>
        {
            ["DOTNET_CONTAINER_PUSH_REGISTRY_UNAME"] = sample.Output.Credentials!.UserName,
            ["DOTNET_CONTAINER_PUSH_REGISTRY_PWORD"] = sample.Output.Credentials.Password,
            ["DOTNET_CONTAINER_PULL_REGISTRY_UNAME"] = sample.BaseRegistry.Credentials!.UserName,
            ["DOTNET_CONTAINER_PULL_REGISTRY_PWORD"] = sample.BaseRegistry.Credentials.Password,
        });
        output.WriteLine(published.Build.Output);

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.DoesNotContain("CH1011", published.Codes);
        // The base image's layers were read (CH1005 would say it could not be), so the chiseled image is known to have no shell.
        Assert.DoesNotContain("CH1005", published.Codes);
        var tag = Assert.Single(await TagAudit.ReadAsync(sample.Output, repository));
        Assert.True(tag.IsComplete, tag.ToString());
        Assert.True(tag.HasHealthcheck, "the tag should name ContainerHealth's image");
        Assert.Equal("/app/healthprobe", (await ImageConfig.FromRegistryAsync(sample.Output, published.ImageReference!)).Healthcheck!.Test[1]);
    }
}
