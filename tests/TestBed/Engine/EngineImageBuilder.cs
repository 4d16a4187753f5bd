using System.Globalization;
using ContainerHealth.TestBed.Containers;

namespace ContainerHealth.TestBed.Engine;

/// <summary>
/// <c>docker build</c> of a small Dockerfile on the private engine, the way a user adds a HEALTHCHECK or a file to an image:
/// <code>
/// var tag = await EngineImageBuilder.WithHealthcheckAsync(image, new HealthcheckConfig(["CMD", "/bin/wget", "-q", "--spider", url]));
/// </code>
/// </summary>
public static class EngineImageBuilder
{
    /// <summary>Builds <paramref name="dockerfile"/> with <paramref name="context"/> (or no context) and returns the new tag.</summary>
    public static async Task<string> BuildAsync(string dockerfile, string? context = null)
    {
        var engine = await DockerEngine.SharedAsync();
        var tag = "built-" + Guid.NewGuid().ToString("N")[..12] + ":test";
        var directory = context ?? Directory.CreateTempSubdirectory("ch-build-").FullName;
        try
        {
            var file = Path.Combine(directory, "Dockerfile.containerhealth-test");
            await File.WriteAllTextAsync(file, dockerfile);
            var build = await ProcessRunner.RunAsync(
                "docker",
                ["build", "--quiet", "--tag", tag, "--file", file, directory],
                environment: new Dictionary<string, string?>(engine.ClientEnvironment) { ["DOCKER_BUILDKIT"] = "0" },
                timeout: TimeSpan.FromMinutes(3));
            build.EnsureSuccess();
            File.Delete(file);
            return tag;
        }
        finally
        {
            if (context is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary><c>FROM image</c> + <c>HEALTHCHECK</c>: the image with another check, exec form or shell form.</summary>
    public static Task<string> WithHealthcheckAsync(string image, HealthcheckConfig check) =>
        BuildAsync($"FROM {image}\n{Instruction(check)}\n");

    public static string Instruction(HealthcheckConfig check)
    {
        if (check.Test is ["NONE"])
        {
            return "HEALTHCHECK NONE";
        }

        var options = string.Concat(new[] { ("interval", check.Interval), ("timeout", check.Timeout), ("start-period", check.StartPeriod) }
            .Where(o => o.Item2 > TimeSpan.Zero)
            .Select(o => $"--{o.Item1}={(long)o.Item2.TotalMilliseconds}ms "));
        if (check.Retries > 0)
        {
            options += $"--retries={check.Retries.ToString(CultureInfo.InvariantCulture)} ";
        }

        var command = check.Test switch
        {
            ["CMD-SHELL", var shell] => shell,
            ["CMD", ..] => System.Text.Json.JsonSerializer.Serialize(check.Test.Skip(1)),
            _ => throw new ArgumentException($"not a Docker health check test: [{string.Join(", ", check.Test)}]", nameof(check)),
        };
        return $"HEALTHCHECK {options}CMD {command}";
    }
}
