using ContainerHealth.TestBed.Engine;

namespace ContainerHealth.TestBed.Containers;

/// <summary>Puts an image archive into the engine and names the image it loaded.</summary>
internal static class ArchiveLoader
{
    public static async Task<string> LoadAsync(DockerEngine engine, string archive)
    {
        if (ArchiveFormat.IsOci(archive))
        {
            var name = "oci-archive-" + Guid.NewGuid().ToString("N")[..12] + ":loaded";
            (await ProcessRunner.RunAsync(
                "skopeo",
                ["copy", "--quiet", "--insecure-policy", "--dest-daemon-host", engine.Host, $"oci-archive:{archive}", $"docker-daemon:{name}"],
                timeout: TimeSpan.FromMinutes(3))).EnsureSuccess();
            return name;
        }

        var load = (await engine.DockerAsync(["load", "--input", archive], TimeSpan.FromMinutes(3))).EnsureSuccess();
        // "Loaded image: name:tag" (or "Loaded image ID: sha256:..." for an untagged image).
        var loaded = load.StandardOutput.Split('\n').Last(l => l.StartsWith("Loaded image", StringComparison.Ordinal));
        return loaded[(loaded.IndexOf(':') + 1)..].Trim();
    }
}
