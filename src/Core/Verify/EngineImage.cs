using System.Text.RegularExpressions;

namespace ContainerHealth.Verify;

/// <summary>
/// An image made available to the engine for one verify: pulled or loaded (an OCI archive is loaded through a
/// docker-archive Docker 20.10 can read). An image loaded under a name of ours is removed again on dispose; nothing else is.
/// </summary>
public sealed partial class EngineImage
{
    private EngineImage(string reference, bool loadedByUs)
    {
        Reference = reference;
        LoadedByUs = loadedByUs;
    }

    /// <summary>What <c>docker run</c> takes: a name, or an image ID.</summary>
    public string Reference { get; }

    private bool LoadedByUs { get; }

    /// <summary>Brings <paramref name="image"/> into the engine; a failure is an <see cref="ImageUnavailableException"/> in the engine's words.</summary>
    public static async Task<EngineImage> PrepareAsync(ContainerEngine engine, string image, ImageLocation location, string? platform, CancellationToken cancellationToken)
    {
        if (location == ImageLocation.Archive || (location == ImageLocation.Any && File.Exists(image)))
        {
            return await LoadAsync(engine, image, platform, cancellationToken);
        }

        if (location is ImageLocation.Engine or ImageLocation.Any)
        {
            var local = await engine.RunAsync(["image", "inspect", "--format", "{{.Id}}", image], cancellationToken, TimeSpan.FromMinutes(1));
            if (local.Succeeded)
            {
                return new EngineImage(image, loadedByUs: false);
            }

            if (location == ImageLocation.Engine)
            {
                throw new ImageUnavailableException($"the local {engine.Program} engine has no image {image}: {local.Message}");
            }
        }

        List<string> pull = ["pull", "--quiet"];
        if (platform is not null)
        {
            pull.AddRange(["--platform", platform]);
        }

        var pulled = await engine.RunAsync([.. pull, image], cancellationToken, TimeSpan.FromMinutes(10));
        return pulled.Succeeded ? new EngineImage(image, loadedByUs: false)
            : throw new ImageUnavailableException($"`{engine.Program} pull {image}` failed: {pulled.Message}");
    }

    /// <summary>Removes an image this verify loaded under its own name; never one the user had.</summary>
    public async Task ReleaseAsync(ContainerEngine engine)
    {
        if (LoadedByUs)
        {
            await engine.RunAsync(["image", "rm", "--force", Reference], CancellationToken.None, TimeSpan.FromMinutes(1));
        }
    }

    private static async Task<EngineImage> LoadAsync(ContainerEngine engine, string archive, string? platform, CancellationToken cancellationToken)
    {
        if (!File.Exists(archive))
        {
            throw new ImageUnavailableException($"the image archive {archive} does not exist");
        }

        string? converted = null;
        try
        {
            var input = archive;
            string? ourName = null;
            if (!engine.IsPodman && DockerArchive.IsOciArchive(archive))
            {
                ourName = "containerhealth-verify-" + Guid.NewGuid().ToString("N")[..12] + ":loaded";
                converted = Path.Combine(Path.GetTempPath(), ourName.Replace(':', '-') + ".tar");
                DockerArchive.FromOciArchive(archive, converted, ourName, platform);
                input = converted;
            }

            var load = await engine.RunAsync(["load", "--input", input], cancellationToken, TimeSpan.FromMinutes(10));
            if (!load.Succeeded)
            {
                throw new ImageUnavailableException($"`{engine.Program} load` of {archive} failed: {load.Message}");
            }

            var loaded = ourName ?? LoadedName(load.Output)
                ?? throw new ImageUnavailableException($"`{engine.Program} load` of {archive} named no image: {load.Message}");
            return new EngineImage(loaded, loadedByUs: ourName is not null);
        }
        catch (InvalidDataException e)
        {
            throw new ImageUnavailableException($"{archive} is not an image archive {engine.Program} can load: {e.Message}");
        }
        finally
        {
            if (converted is not null)
            {
                File.Delete(converted);
            }
        }
    }

    /// <summary>"Loaded image: name:tag", "Loaded image ID: sha256:…" (docker), "Loaded image(s): name" (podman).</summary>
    private static string? LoadedName(string output) =>
        LoadedLine().Matches(output).Select(m => m.Groups["name"].Value.Split(',')[0].Trim()).LastOrDefault(n => n.Length > 0);

    [GeneratedRegex(@"^Loaded image(?: ID|\(s\))?: *(?<name>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex LoadedLine();
}
