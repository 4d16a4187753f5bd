using ContainerHealth.Build.Logging;
using System.Diagnostics;
using ContainerHealth.Diagnostics;
using ContainerHealth.Images;
using ContainerHealth.Images.Archives;
using ContainerHealth.HealthCheck;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.Images;

/// <summary>
/// Side-effecting step for the local engine (Docker or Podman). Docker: loads the final config alone (the layers are the
/// ones the SDK just loaded) under the SDK's names, through the Engine API where the CLI would reach the same engine
/// (<see cref="DockerApiLoad"/>), else with the CLI; when that fails, a one-line <c>FROM</c> + <c>HEALTHCHECK</c> build —
/// either way a new config over the same layers, no copy of the image. Otherwise (Podman, per-RID checks, or a Docker that
/// can do neither): saves the image, writes the HEALTHCHECK into the archive and loads it back under the same names;
/// Podman saves a docker-archive, because it only honours Healthcheck in Docker-format images.
/// </summary>
public sealed class WriteLocalImageHealthCheck : Task
{
    private static readonly string[] Engines = ["docker", "podman"];

    /// <summary>The SDK's LocalRegistry: Docker, Podman, or empty to use whichever engine answers (Docker first).</summary>
    public string LocalRegistry { get; set; } = "";

    /// <summary>GeneratedContainerName items: the names the SDK loaded the image under.</summary>
    [Required]
    public ITaskItem[] ImageNames { get; set; } = [];

    /// <summary>The decision record whose HEALTHCHECK goes into every image; or empty and <see cref="Images"/>.</summary>
    public string DecisionFile { get; set; } = "";

    /// <summary>Per-image HEALTHCHECKs (the replacements from ApplyHealthCheckRecords).</summary>
    public ITaskItem[] Images { get; set; } = [];

    /// <summary>The final image config (step 4's); with <see cref="SdkConfiguration"/>, Docker loads it alone.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>The config of the image the SDK loaded, which the final one supersedes.</summary>
    public string SdkConfiguration { get; set; } = "";

    [Required]
    public string WorkingDirectory { get; set; } = "";

    public override bool Execute()
    {
        var names = ImageNames.Select(n => n.ItemSpec).ToArray();
        var preferred = LocalRegistry.ToLowerInvariant();
        Directory.CreateDirectory(WorkingDirectory);
        var configurationOnly = preferred is "" or "docker" ? TryConfigurationArchive(names) : null;
        var loadedThroughApi = configurationOnly is null ? null : DockerApiLoad.TryLoad(configurationOnly, ConfigOnlyDockerArchive.ImageId(SdkConfiguration), Log);
        if (loadedThroughApi == true)
        {
            return Announce("docker", names);
        }

        var engine = preferred.Length > 0 ? preferred : DetectEngine();
        if (engine is null)
        {
            return Fail("neither docker nor podman answered");
        }

        // Tried through the API and refused: the CLI would be refused the same way.
        if (engine == "docker" && loadedThroughApi is null && configurationOnly is not null && TryLoadConfiguration(configurationOnly, names))
        {
            return true;
        }

        if (engine == "docker" && DecisionFile.Length > 0 && TryBuild(names, HealthCheckSelection.Decided(DecisionFile).Definition()!))
        {
            return true;
        }

        var archive = Path.Combine(WorkingDirectory, "local-image-" + Guid.NewGuid().ToString("N")[..8] + ".tar");
        try
        {
            List<string> save = ["save", "-o", archive];
            if (engine == "podman")
            {
                save.AddRange(["--format", "docker-archive"]);
                if (names.Length > 1)
                {
                    save.Add("--multi-image-archive");
                }
            }

            if (!Run(engine, [.. save, .. names], out var saveError))
            {
                return Fail($"`{engine} save` failed: {saveError}");
            }

            ImageArchiveRewriter.Rewrite(archive, HealthCheckSelection.From(DecisionFile, Images));
            var superseded = ImageId(engine, names[0]);
            if (!Run(engine, ["load", "-i", archive], out var loadError))
            {
                return Fail($"`{engine} load` failed: {loadError}");
            }

            return Written(engine, names, superseded);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or System.ComponentModel.Win32Exception)
        {
            return Fail(e.Message);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    /// <summary>The final config alone as a docker-archive, when the config load applies and the config allows it.</summary>
    private byte[]? TryConfigurationArchive(string[] names)
    {
        if (Configuration.Length == 0 || SdkConfiguration.Length == 0)
        {
            return null;
        }

        using var archive = new MemoryStream();
        try
        {
            ConfigOnlyDockerArchive.Write(archive, Configuration, names);
            return archive.ToArray();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            Log.LogMessage(MessageImportance.Normal, "ContainerHealth: the image config cannot be loaded on its own ({0}); building the HEALTHCHECK instead.", e.Message);
            return null;
        }
    }

    private bool TryLoadConfiguration(byte[] archive, string[] names)
    {
        if (!Run("docker", ["load", "--quiet"], out var error, out _, archive))
        {
            Log.LogMessage(MessageImportance.Normal, "ContainerHealth: `docker load` of the image config failed ({0}); building the HEALTHCHECK instead.", error);
            return false;
        }

        return Written("docker", names, superseded: ConfigOnlyDockerArchive.ImageId(SdkConfiguration));
    }

    /// <summary>
    /// Says so, and removes the image the SDK loaded when ours took all its names (nothing else names it): an untagged
    /// copy per publish would pile up in the engine.
    /// </summary>
    private bool Written(string engine, string[] names, string? superseded)
    {
        if (superseded is not null && Run(engine, ["image", "inspect", "--format", "{{len .RepoTags}}", superseded], out _, out var tags) && tags == "0")
        {
            Run(engine, ["rmi", superseded], out _);
        }

        return Announce(engine, names);
    }

    private bool Announce(string engine, string[] names)
    {
        Log.LogMessage(MessageImportance.High, "ContainerHealth: wrote the HEALTHCHECK into {0} in the local {1} engine.", string.Join(", ", names), engine);
        return true;
    }

    private bool TryBuild(string[] names, HealthCheckDefinition definition)
    {
        // Docker 25 (API 1.44) added StartInterval; older builders refuse the flag, and their engines ignore the field.
        var withStartInterval = Run("docker", ["version", "--format", "{{.Server.APIVersion}}"], out _, out var api)
            && Version.TryParse(api, out var version) && version >= new Version(1, 44);
        var context = Path.Combine(WorkingDirectory, "local-build-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(context);
        try
        {
            var dockerfile = Path.Combine(context, "Dockerfile");
            File.WriteAllText(dockerfile, $"FROM {names[0]}\n{HealthCheckInstruction.Create(definition, withStartInterval)}\n");
            if (!Run("docker", ["build", "--quiet", "--file", dockerfile, .. names.SelectMany(n => new[] { "--tag", n }), context], out var error))
            {
                Log.LogMessage(MessageImportance.Normal, "ContainerHealth: `docker build` of the HEALTHCHECK failed ({0}); saving and loading the image instead.", error);
                return false;
            }

            return Written("docker", names, superseded: null);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static string? DetectEngine() =>
        Engines.FirstOrDefault(engine => Run(engine, ["version"], out _));

    private static string? ImageId(string engine, string name) =>
        Run(engine, ["image", "inspect", "--format", "{{.Id}}", name], out _, out var id) ? id : null;

    private static bool Run(string program, IEnumerable<string> arguments, out string error) => Run(program, arguments, out error, out _);

    private static bool Run(string program, IEnumerable<string> arguments, out string error, out string output, byte[]? input = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
            }

            output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            error = stderr.Result.Trim();
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            error = e.Message;
            output = "";
            return false;
        }
    }

    private bool Fail(string reason)
    {
        Log.Log(new Diagnostic(DiagnosticCodes.HealthCheckNotWritten, DiagnosticSeverity.Error,
            $"ContainerHealth could not write the HEALTHCHECK into the local image ({reason}); the image has no HEALTHCHECK. Publish to a registry (ContainerRegistry) or an archive (ContainerArchiveOutputPath) instead, or set ContainerHealthCheck=false."));
        return false;
    }
}
