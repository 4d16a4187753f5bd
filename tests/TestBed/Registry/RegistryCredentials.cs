namespace ContainerHealth.TestBed.Registry;

/// <summary>A user of a registry started with htpasswd basic auth.</summary>
public sealed record RegistryCredentials(string UserName, string Password)
{
    public static RegistryCredentials CreateRandom() =>
        new("tester", "pw-" + Guid.NewGuid().ToString("N")[..16]);
}
