namespace ContainerHealth.Cli.Inspect;

/// <summary>The environment variables that decide which port the app in the image listens on.</summary>
public static class PortSettings
{
    private static readonly string[] Names = ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_URLS", "DOTNET_URLS", "PORT"];

    public static IReadOnlyList<string> From(IReadOnlyList<string> environment) =>
        environment.Where(e => Names.Contains(e.Split('=', 2)[0], StringComparer.Ordinal)).ToList();
}
