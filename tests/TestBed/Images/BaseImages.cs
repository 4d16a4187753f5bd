using System.Collections.Concurrent;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.TestBed.Images;

/// <summary>
/// Pushes fixture base images into a test registry. The images are built once per machine state and cached on disk
/// (<see cref="BaseImageLayout"/>); a push copies the cached layout with skopeo, once per registry and kind.
/// <code>
/// await using var registry = await TestRegistry.StartAsync();
/// var image = await BaseImages.PushAsync(registry, BaseImageKind.Chiseled);   // image.Reference == "localhost:PORT/chiseled:10.0"
/// // dotnet publish -t:PublishContainer -p:ContainerBaseImage={image.Reference} -p:ContainerRegistry={registry.Address}
/// </code>
/// </summary>
public static class BaseImages
{
    // Keyed by the registry's own directory, not its port: a later registry may get a freed port again.
    private static readonly ConcurrentDictionary<(string Registry, BaseImageKind Kind), Lazy<Task<BaseImage>>> Pushed = new();

    public static Task<BaseImage> PushAsync(TestRegistry registry, BaseImageKind kind) =>
        Pushed.GetOrAdd((registry.Directory, kind), key => new Lazy<Task<BaseImage>>(() => CopyAsync(registry, kind))).Value;

    private static async Task<BaseImage> CopyAsync(TestRegistry registry, BaseImageKind kind)
    {
        var layout = await BaseImageLayout.GetAsync();
        var image = new BaseImage(kind, registry.Address, BaseImageNames.Repository(kind), BaseImageNames.Tag(kind));
        List<string> arguments = ["copy", "--quiet", "--insecure-policy", "--dest-tls-verify=false"];
        if (registry.Credentials is { } credentials)
        {
            arguments.Add($"--dest-creds={credentials.UserName}:{credentials.Password}");
        }

        if (kind == BaseImageKind.MultiPlatform)
        {
            arguments.Add("--all");
        }

        arguments.Add($"oci:{layout}:{BaseImageLayout.RefName(kind)}");
        arguments.Add($"docker://{image.Reference}");
        var copy = await ProcessRunner.RunAsync("skopeo", arguments, timeout: TimeSpan.FromMinutes(2));
        copy.EnsureSuccess();
        return image;
    }
}
