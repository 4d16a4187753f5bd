using System.Text;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Core.Tests.Registry;

[Collection(ProcessEnvironmentCollection.Name)]
[Trait("Tier", "Unit")]
public sealed class DockerConfigCredentialSourceTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-docker-config-");

    [Fact]
    public void Reads_inline_auths_in_every_key_form()
    {
        var config = Write($$"""
            {
              "auths": {
                "https://index.docker.io/v1/": { "auth": "{{Base64("hub-user:hub:secret")}}" },
                "http://registry.example.com/v1/": { "username": "u", "password": "p" },
                "token.example.com": { "identitytoken": "refresh-me" }
              }
            }
            """);
        var source = new DockerConfigCredentialSource(config);

        var hub = source.Find("docker.io");
        var example = source.Find("registry.example.com");
        var token = source.Find("token.example.com");

        Assert.Equal(("hub-user", "hub:secret"), (hub?.Username, hub?.Secret));
        Assert.Equal(("u", "p"), (example?.Username, example?.Secret));
        Assert.True(token?.IsIdentityToken);
        Assert.Null(source.Find("other.example.com"));
    }

    [Fact]
    public void Asks_the_registry_specific_credential_helper_then_the_store()
    {
        WriteHelper("per-registry", "helper-user", "helper-secret");
        WriteHelper("store", "store-user", "store-secret");
        var config = Write("""{ "credsStore": "store", "credHelpers": { "registry.example.com": "per-registry" } }""");
        var source = new DockerConfigCredentialSource(config);

        using var path = ProcessEnvironmentCollection.PrependToPath(directory.Path);
        var helped = source.Find("registry.example.com");
        var stored = source.Find("other.example.com");

        Assert.Equal(("helper-user", "helper-secret"), (helped?.Username, helped?.Secret));
        Assert.Equal(("store-user", "store-secret:other.example.com"), (stored?.Username, stored?.Secret));
    }

    [Fact]
    public void A_missing_helper_or_config_means_anonymous_and_the_reason_is_logged_without_secrets()
    {
        var log = new List<string>();
        var config = Write("""{ "credsStore": "does-not-exist-anywhere" }""");

        Assert.Null(new DockerConfigCredentialSource(config, log.Add).Find("registry.example.com"));
        Assert.Null(new DockerConfigCredentialSource(directory.File("absent.json")).Find("registry.example.com"));
        Assert.Contains(log, line => line.Contains("docker-credential-does-not-exist-anywhere"));
    }

    [Fact]
    public void A_credential_never_prints_its_secret()
    {
        var credential = new RegistryCredential("someone", "hunter2");

        Assert.DoesNotContain("hunter2", credential.ToString());
    }

    [Fact]
    public void The_sdk_variables_come_before_docker_config()
    {
        var config = Write("""{ "auths": { "registry.example.com": { "username": "from-config", "password": "p" } } }""");
        var source = new ChainedCredentialSource(new EnvironmentCredentialSource(RegistryMode.Push), new DockerConfigCredentialSource(config));

        var fromConfig = source.Find("registry.example.com");
        using var user = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_UNAME", "from-env");
        using var password = ProcessEnvironmentCollection.Set("DOTNET_CONTAINER_REGISTRY_PWORD", "env-secret");
        var fromEnvironment = source.Find("registry.example.com");

        Assert.Equal("from-config", fromConfig?.Username);
        Assert.Equal(("from-env", "env-secret"), (fromEnvironment?.Username, fromEnvironment?.Secret));
    }

    public void Dispose() => directory.Dispose();

    private string Write(string json)
    {
        var path = directory.File("config.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A real helper executable: reads the server from stdin, answers JSON (the store appends the server to prove it was asked).</summary>
    private void WriteHelper(string name, string user, string secret)
    {
        var path = directory.File("docker-credential-" + name);
        var suffix = name == "store" ? ":$server" : "";
        // The secret goes through printf's arguments so the shell expands $server.
        File.WriteAllText(path, $$"""
            #!/bin/sh
            [ "$1" = get ] || exit 1
            read -r server
            printf '{"ServerURL":"%s","Username":"{{user}}","Secret":"%s"}' "$server" "{{secret}}{{suffix}}"
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
