using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>The SDK 10 credential variables, per use: the same names and order as the SDK's AuthHandshakeMessageHandler.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
[Trait("Tier", "Unit")]
public sealed class EnvironmentCredentialSourceTests
{
    private static readonly string[] AllVariables =
    [
        "DOTNET_CONTAINER_PUSH_REGISTRY_UNAME", "DOTNET_CONTAINER_PUSH_REGISTRY_PWORD",
        "DOTNET_CONTAINER_PULL_REGISTRY_UNAME", "DOTNET_CONTAINER_PULL_REGISTRY_PWORD",
        "DOTNET_CONTAINER_REGISTRY_UNAME", "DOTNET_CONTAINER_REGISTRY_PWORD",
        "SDK_CONTAINER_REGISTRY_UNAME", "SDK_CONTAINER_REGISTRY_PWORD",
    ];

    [Theory]
    [InlineData("PUSH", RegistryMode.Push, "push")]
    [InlineData("PUSH", RegistryMode.Pull, null)]
    [InlineData("PUSH", RegistryMode.PullFromOutput, null)]
    [InlineData("PULL", RegistryMode.Pull, "pull")]
    [InlineData("PULL", RegistryMode.PullFromOutput, "pull")]
    [InlineData("PULL", RegistryMode.Push, null)]
    [InlineData("GENERAL", RegistryMode.Push, "general")]
    [InlineData("GENERAL", RegistryMode.PullFromOutput, "general")]
    [InlineData("GENERAL", RegistryMode.Pull, null)]
    [InlineData("LEGACY", RegistryMode.Push, "legacy")]
    [InlineData("LEGACY", RegistryMode.Pull, null)]
    public void Each_use_reads_the_variables_the_SDK_reads_for_it(string set, RegistryMode mode, string? expectedUser)
    {
        using var cleared = Clear();
        var (user, password) = set switch
        {
            "PUSH" => EnvironmentCredentialSource.PushVariables,
            "PULL" => EnvironmentCredentialSource.PullVariables,
            "GENERAL" => EnvironmentCredentialSource.GeneralVariables,
            _ => EnvironmentCredentialSource.LegacyVariables,
        };
        using var userValue = ProcessEnvironmentCollection.Set(user, set.ToLowerInvariant());
        using var passwordValue = ProcessEnvironmentCollection.Set(password, "secret");

        var credential = new EnvironmentCredentialSource(mode).Find("registry.example.com");

        Assert.Equal(expectedUser, credential?.Username);
    }

    [Fact]
    public void The_push_pair_wins_over_the_general_pair_and_half_a_pair_counts_for_nothing()
    {
        using var cleared = Clear();
        using var pushUser = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_PUSH_REGISTRY_UNAME", "push");
        using var pushPassword = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_PUSH_REGISTRY_PWORD", "p");
        using var generalUser = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_UNAME", "general");
        using var generalPassword = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_PWORD", "g");
        using var halfPull = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_PULL_REGISTRY_UNAME", "pull-without-password");

        Assert.Equal("push", new EnvironmentCredentialSource(RegistryMode.Push).Find("r")?.Username);
        Assert.Equal("general", new EnvironmentCredentialSource(RegistryMode.PullFromOutput).Find("r")?.Username);
        Assert.Null(new EnvironmentCredentialSource(RegistryMode.Pull).Find("r"));
    }

    private static IDisposable Clear()
    {
        var restores = AllVariables.Select(name => ProcessEnvironmentCollection.Set(name, null)).ToList();
        return new Restores(restores);
    }

    private sealed class Restores(List<IDisposable> restores) : IDisposable
    {
        public void Dispose() => restores.ForEach(r => r.Dispose());
    }
}
