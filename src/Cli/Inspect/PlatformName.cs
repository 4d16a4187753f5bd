using System.Runtime.InteropServices;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Inspect;

/// <summary>Parses <c>--platform os/arch[/variant]</c> and maps a platform to the runtime identifier the inspector takes.</summary>
public static class PlatformName
{
    public static Platform Parse(string text) =>
        Platform.Parse(text) ?? throw new UsageException($"--platform '{text}' is not os/architecture[/variant], e.g. linux/amd64 or linux/arm64");

    /// <summary>The platform this machine runs containers as natively, which a runtime pulls by default.</summary>
    public static Platform Host() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => new Platform("linux", "arm64"),
        Architecture.Arm => new Platform("linux", "arm", "v7"),
        _ => new Platform("linux", "amd64"),
    };

    public static string RuntimeIdentifier(Platform platform)
    {
        var os = platform.Os switch
        {
            "linux" => "linux",
            "windows" => "win",
            _ => null,
        };
        var architecture = platform.Architecture switch
        {
            "amd64" => "x64",
            "arm64" => "arm64",
            "arm" => "arm",
            "386" => "x86",
            "s390x" => "s390x",
            "ppc64le" => "ppc64le",
            "loong64" => "loongarch64",
            _ => null,
        };
        return os is null || architecture is null
            ? throw new UsageException($"--platform {platform} is not a platform .NET runs on (linux or windows on amd64, arm64, arm, 386, s390x, ppc64le, loong64)")
            : $"{os}-{architecture}";
    }
}
